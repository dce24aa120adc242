/**
 * Is the server still responsive while it works? One keystroke typed by client A on a probe row's title, timed
 * until client B has it (A → server → B), sent again and again while the work runs. Used by HARDEN-47 and by
 * bench/hostile-files.ts.
 */
import { getRowText } from "../../core/board-doc";
import type { TestClient } from "./collab-client";

/** A function that types one keystroke on the probe row in `a` and resolves with the ms until `b` has it. */
export function keystrokeRoundTrip(a: TestClient, b: TestClient, probeRowId: string): () => Promise<number> {
  const probeA = getRowText(a.doc, probeRowId, "title")!;
  const probeB = getRowText(b.doc, probeRowId, "title")!;
  return () =>
    new Promise<number>((resolve) => {
      const token = `k${Math.random().toString(36).slice(2, 8)}`;
      const started = performance.now();
      const seen = () => {
        if (probeB.toString() !== token) return;
        probeB.unobserve(seen);
        resolve(performance.now() - started);
      };
      probeB.observe(seen);
      a.doc.transact(() => {
        probeA.delete(0, probeA.length);
        probeA.insert(0, token);
      });
    });
}

/** Round trips one after another (20 ms apart) until `work` settles: its result and the round trips (ms). */
export async function roundTripsDuring<T>(
  work: Promise<T>,
  roundTrip: () => Promise<number>,
): Promise<{ result: T; samples: number[] }> {
  let running = true;
  const tracked = work.finally(() => (running = false));
  const samples: number[] = [];
  while (running) {
    samples.push(await roundTrip());
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return { result: await tracked, samples };
}
