/**
 * Issue 10 §1 figures: the hostile imports and the 5,000-row PDF export that
 * used to freeze the server, measured through MatrixFileServices (what the
 * routes call). Each case runs in a fresh child process so its peak RSS is
 * its own (the files are generated beforehand by another process). Prints wall time, the longest event-loop stall during the call,
 * and peak RSS; for the PDF case also the round trip of a co-editing client
 * (real server, real WebSocket clients) during the render. No thresholds.
 *
 *   npx tsx bench/hostile-files.ts            all cases
 *   npx tsx bench/hostile-files.ts xlsx-40k   one case
 */
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { appendRows, type NewRowInput } from "../core/board-doc";
import { createMatrixFileServices } from "../server/files/matrix-file-services";
import { createAccount } from "../tests/support/accounts";
import { connectClient, waitFor, waitForSync } from "../tests/support/collab-client";
import { keystrokeRoundTrip, roundTripsDuring } from "../tests/support/keystroke-probe";
import { createTestDatabase, startTestServer } from "../tests/support/test-server";
import { csvOfRows, deepJson, lyingZipXlsx, xlsxOfOneCellRows } from "../tests/fixtures/hostile-files";

export interface HostileCaseResult {
  case: string;
  wallMs: number;
  maxStallMs: number;
  peakRssMiB: number;
  outcome: string;
  roundTrip?: { samples: number; medianMs: number; maxMs: number; baselineMedianMs: number };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;

/** Longest gap between 5 ms timer ticks minus 5 ms: how long the event loop was blocked. */
function stallMeter() {
  let last = performance.now();
  let max = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    max = Math.max(max, now - last - 5);
    last = now;
  }, 5);
  return () => {
    clearInterval(timer);
    // A synchronous call ends before any tick could see it: count the gap up to now as well.
    return Math.max(0, max, performance.now() - last - 5);
  };
}

async function importCase(name: string, data: Buffer): Promise<Omit<HostileCaseResult, "peakRssMiB">> {
  const files = createMatrixFileServices();
  const stop = stallMeter();
  const start = performance.now();
  let outcome: string;
  try {
    const result = await files.readImportFile(new Uint8Array(data), { instruments: [] });
    const first = result.errors[0]?.message ?? `${result.rows.length} rows`;
    outcome = `${result.valid ? "accepted" : "refused"}: ${first.slice(0, 90)}`;
  } catch (error) {
    outcome = `error: ${String((error as Error).message).slice(0, 90)}`;
  }
  const wallMs = performance.now() - start;
  const maxStallMs = stop();
  await (files as { close?: () => Promise<void> }).close?.();
  return { case: name, wallMs, maxStallMs, outcome: `${outcome} (${(data.length / 1024).toFixed(0)} KiB file)` };
}

const ROWS: NewRowInput[] = Array.from({ length: 5000 }, (_, i) => ({
  title: `Threat ${i + 1}: coordinated disinformation and cable sabotage, Łódź`,
  description: "Hybrid campaign combining cyber intrusions with information operations. ".repeat(2),
  notes: i % 3 === 0 ? "Follow up with the working group." : "",
  category: "hybrid",
  responsibility: i % 2 === 0 ? "NATO" : "EU",
}));

async function pdfWhileCoEditing(): Promise<Omit<HostileCaseResult, "peakRssMiB">> {
  const database = createTestDatabase();
  const server = await startTestServer(database);
  const files = createMatrixFileServices({ timeoutMs: 600_000 });
  try {
    const chair = await createAccount(server, "Chair", "PL");
    const board = await server.access.createBoard(chair.user.id, { title: "Five thousand threats", template: "empty" });
    const a = connectClient(server.url, board.id, { cookie: chair.cookie });
    const b = connectClient(server.url, board.id, { cookie: chair.cookie });
    await Promise.all([waitForSync(a), waitForSync(b)]);
    // In batches: one 5,000-row update would be larger than a WebSocket frame may be (MAX_FRAME_BYTES).
    const [probeId] = appendRows(a.doc, [{ title: "probe" }]);
    for (let i = 0; i < ROWS.length; i += 250) appendRows(a.doc, ROWS.slice(i, i + 250));
    await waitFor(() => b.doc.getMap("rows").size === ROWS.length + 1, "rows to reach the other client", 600_000);
    const roundTrip = keystrokeRoundTrip(a, b, probeId);
    const baseline: number[] = [];
    for (let i = 0; i < 20; i++) baseline.push(await roundTrip());

    const snapshot = await server.versions.buildLiveSnapshot(chair.user.id, board.id);
    const stop = stallMeter();
    const start = performance.now();
    const { result: file, samples } = await roundTripsDuring(
      files.exportMatrix("pdf", snapshot, new Date()),
      roundTrip,
    );
    const wallMs = performance.now() - start;
    const maxStallMs = stop();
    a.destroy();
    b.destroy();
    return {
      case: "pdf-5000-while-co-editing",
      wallMs,
      maxStallMs,
      outcome: `${(file.body.length / 1024).toFixed(0)} KiB PDF`,
      roundTrip: {
        samples: samples.length,
        medianMs: median(samples),
        maxMs: Math.max(...samples),
        baselineMedianMs: median(baseline),
      },
    };
  } finally {
    await (files as { close?: () => Promise<void> }).close?.();
    await server.stop();
    database.dispose();
  }
}

const FIXTURES: Record<string, () => Buffer> = {
  "xlsx-40k": () => xlsxOfOneCellRows(40_000),
  "lying-zip": () => lyingZipXlsx(1024 * 1024 * 1024),
  "csv-1.74m": () => csvOfRows(1_740_000),
  "json-2.6m-deep": () => deepJson(2_600_000),
};

/**
 * The file of a case, generated once by a process of its own and kept in the
 * temp directory: building the lying zip takes 1 GiB, which must not count
 * in the peak RSS of the import being measured.
 */
function fixture(name: string): Buffer {
  const path = join(tmpdir(), `remit-hostile-${name}.bin`);
  if (!existsSync(path))
    execFileSync(process.execPath, ["--import", "tsx", fileURLToPath(import.meta.url), "--make", name, path], {
      stdio: "inherit",
    });
  return readFileSync(path);
}

export const HOSTILE_CASES: Record<string, () => Promise<Omit<HostileCaseResult, "peakRssMiB">>> = {
  "xlsx-40k": () => importCase("xlsx-40k (40,000 one-cell rows)", fixture("xlsx-40k")),
  "lying-zip": () => importCase("lying-zip (declares 1 KiB, inflates to 1 GiB)", fixture("lying-zip")),
  "csv-1.74m": () => importCase("csv-1.74m (1,740,000 rows)", fixture("csv-1.74m")),
  "json-2.6m-deep": () => importCase("json-2.6m-deep (2,600,000 nested arrays)", fixture("json-2.6m-deep")),
  "pdf-5000": pdfWhileCoEditing,
};

/** Runs one case in a child process (fresh heap, own peak RSS). */
export function runHostileCase(name: string): HostileCaseResult {
  const output = execFileSync(process.execPath, ["--import", "tsx", fileURLToPath(import.meta.url), "--child", name], {
    encoding: "utf8",
    maxBuffer: 16 * 1024 * 1024,
    timeout: 30 * 60_000,
  });
  return JSON.parse(output.trim().split("\n").pop()!) as HostileCaseResult;
}

export function printHostile(result: HostileCaseResult, log: (line: string) => void = console.log): void {
  log(
    `${result.case}: ${result.wallMs.toFixed(0)} ms, longest event-loop stall ${result.maxStallMs.toFixed(0)} ms, ` +
      `peak RSS ${result.peakRssMiB.toFixed(0)} MiB — ${result.outcome}`,
  );
  if (result.roundTrip) {
    const r = result.roundTrip;
    log(
      `  co-editing round trip during the render: median ${r.medianMs.toFixed(1)} ms, max ${r.maxMs.toFixed(1)} ms ` +
        `over ${r.samples} keystrokes (idle baseline median ${r.baselineMedianMs.toFixed(1)} ms)`,
    );
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const makeIndex = process.argv.indexOf("--make");
  if (makeIndex >= 0) {
    writeFileSync(process.argv[makeIndex + 2], FIXTURES[process.argv[makeIndex + 1]]());
    process.exit(0);
  }
  const childIndex = process.argv.indexOf("--child");
  if (childIndex >= 0) {
    const result = await HOSTILE_CASES[process.argv[childIndex + 1]]();
    const peakRssMiB = process.resourceUsage().maxRSS / 1024;
    console.log(JSON.stringify({ ...result, peakRssMiB }));
    process.exit(0);
  }
  const wanted = process.argv.slice(2);
  for (const name of Object.keys(HOSTILE_CASES).filter((n) => wanted.length === 0 || wanted.includes(n))) {
    try {
      printHostile(runHostileCase(name));
    } catch (error) {
      console.log(`${name}: failed — ${String((error as Error).message).split("\n")[0]}`);
    }
  }
}
