/**
 * Versions benchmark: what publishing and comparing cost on a 1,000-row board.
 *   snapshot  Yjs state → MatrixSnapshot (decode, read rows, attach positions, validate)
 *   publish   snapshot → canonical JSON + SHA-256 fingerprint (what is stored)
 *   list      the version header of a stored snapshot (what the versions page reads per version)
 *   diff      diffSnapshots of two 1,000-row snapshots with ~10% of rows changed
 * Each as a ratio to JSON.parse of the same stored snapshot, measured in the same
 * run. Figures only; no thresholds.
 *
 *   npx tsx bench/versions.ts
 */
import { pathToFileURL } from "node:url";
import * as Y from "yjs";
import { appendRows, setResponsibility } from "../core/board-doc";
import { diffSnapshots } from "../core/matrix-diff";
import { canonicalJson } from "../core/matrix-snapshot";
import { fingerprintSnapshot } from "../server/export/index";
import { sampleRow } from "../tests/fixtures/sample-snapshot";
import { buildSnapshot } from "../server/versions/snapshot-builder";
import { toSummary } from "../server/versions/version-records";
import { delegation, fakeConsensusView } from "../tests/fixtures/snapshot-builder.fixtures";
import type { InstrumentInfo } from "../core/services";

export interface VersionBenchResult {
  name: string;
  medianMs: number;
  ratioToParse: number;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

function measure(runs: number, fn: () => unknown): number {
  fn(); // warm-up
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    fn();
    times.push(performance.now() - start);
  }
  return median(times);
}

export async function runVersionBench(
  options: { rows?: number; runs?: number; log?: (line: string) => void } = {},
): Promise<VersionBenchResult[]> {
  const { rows = 1000, runs = 5, log = console.log } = options;
  const doc = new Y.Doc();
  const sample = Array.from({ length: rows }, (_, i) => sampleRow(i));
  const ids = appendRows(
    doc,
    sample.map(({ id: _id, workflowState: _w, positions: _p, ...row }) => row),
  );
  const instruments: InstrumentInfo[] = [...new Set(sample.flatMap((row) => row.instrumentIds))].map((id) => ({
    id,
    name: `Instrument ${id}`,
    owner: "NATO",
    kind: "treaty",
    year: null,
    reference: "",
    summary: "",
    custom: false,
  }));
  const consensus = fakeConsensusView(
    [delegation("PL", "Poland"), delegation("DK", "Denmark")],
    Object.fromEntries(
      ids.map((id, i) => [
        id,
        {
          state: "agreed" as const,
          procedure: "consensus" as const,
          positions: i % 3 === 0 ? [{ delegation: "DK", position: "reserve" as const, text: "Scope" }] : [],
        },
      ]),
    ),
  );
  const input = { board: { id: "bench", title: "Bench board" }, consensus, instruments, rows: "all" as const };
  const version = {
    number: 1,
    title: "v1",
    publishedAt: "2025-03-05T16:30:00.000Z",
    publishedBy: { name: "Chair", delegation: "PL" },
    procedure: "consensus" as const,
  };
  const stateA = Y.encodeStateAsUpdate(doc);
  const a = buildSnapshot({ ...input, state: stateA, version });
  ids.filter((_, i) => i % 10 === 0).forEach((id) => setResponsibility(doc, id, "Unassigned"));
  const b = buildSnapshot({ ...input, state: Y.encodeStateAsUpdate(doc), version: { ...version, number: 2 } });
  const stored = canonicalJson(a);
  const record = {
    number: 1,
    title: "v1",
    publishedAt: new Date(),
    publishedByName: "Chair",
    fingerprint: "",
    snapshotJson: stored,
  };

  const reference = measure(runs, () => JSON.parse(stored));
  const results = [
    { name: "snapshot", medianMs: measure(runs, () => buildSnapshot({ ...input, state: stateA, version: null })) },
    { name: "publish", medianMs: measure(runs, () => [canonicalJson(a), fingerprintSnapshot(a)]) },
    { name: "list", medianMs: measure(runs, () => toSummary(record)) },
    { name: "diff", medianMs: measure(runs, () => diffSnapshots(a, b)) },
  ].map((r) => ({ ...r, ratioToParse: r.medianMs / reference }));
  log(
    `versions of a ${rows}-row board (${(stored.length / 1024).toFixed(0)} KiB stored), median of ${runs}; reference JSON.parse ${reference.toFixed(2)} ms:`,
  );
  for (const r of results)
    log(`  ${r.name.padEnd(9)} ${r.medianMs.toFixed(2).padStart(9)} ms  ×${r.ratioToParse.toFixed(1)} JSON.parse`);
  return results;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await runVersionBench();
}
