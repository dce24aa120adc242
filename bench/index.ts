/**
 * Runs the benchmarks and prints one table. Each bench measures its own
 * reference in the same run and reports ratios to it (ratios survive a
 * slower machine; absolute times do not). No thresholds.
 *
 *   npm run bench              the performance suite (bench/perf.ts), then all benches below
 *   npm run bench -- --quick   the same with small sizes
 *   npm run bench -- perf      only the performance suite (BENCH_CASES=P1,P3 narrows it)
 *   npm run bench -- exports   only the named ones
 *
 * To add a bench: append { name, reference, run } to BENCHES; run returns
 * one row per case.
 */
import { pathToFileURL } from "node:url";
import { runExportBench } from "./exports";
import { runVersionBench } from "./versions";
import { runCollabBench } from "./collab";
import { runPerfSuite } from "./perf";
import { runClusterBench } from "./cluster";
import { runCompactionBench } from "./compaction";

export interface BenchRow {
  case: string;
  medianMs: number;
  /** medianMs / the bench's reference, measured in the same run. */
  ratio: number;
  note?: string;
}

export interface Bench {
  name: string;
  /** What the ratio is relative to. */
  reference: string;
  run(log: (line: string) => void): Promise<BenchRow[]>;
}

const quiet = () => undefined;

export const BENCHES: Bench[] = [
  {
    name: "collab",
    reference: "reference y-websocket server (@y/websocket-server), same load",
    run: async (log) =>
      (await runCollabBench({ log })).map((r) => ({ case: r.name, medianMs: r.medianMs, ratio: r.ratioToReference })),
  },
  {
    name: "cluster",
    reference: "all 100 clients on 1 instance (median = edit→visible p50; note: p99 and CPU per delivered update)",
    run: async (log) => {
      const rows = await runClusterBench({ quick: process.argv.includes("--quick"), log });
      const single = rows[0];
      return rows.map((row) => ({
        case: `${row.instances} instance(s)`,
        medianMs: row.p50Ms,
        ratio: row.p50Ms / single.p50Ms,
        note: `p99 ${row.p99Ms.toFixed(1)} ms, ${row.cpuUsPerDelivered.toFixed(0)} µs CPU/delivered, Redis hop +${(row.p50Ms - single.p50Ms).toFixed(1)} ms p50`,
      }));
    },
  },
  {
    name: "compaction",
    reference: "encoding the same 16 MB document (Y.encodeStateAsUpdate), longest event-loop block",
    run: async (log) =>
      (await runCompactionBench({ log })).map((r) => ({
        case: `16 MB board, ${r.database}: longest event-loop block`,
        medianMs: r.longestBlockMs,
        ratio: r.longestBlockMs / r.encodeBlockMs,
        note: `compaction ${r.compactMs.toFixed(0)} ms wall`,
      })),
  },
  {
    name: "exports",
    reference: "JSON export",
    run: async () =>
      (await runExportBench({ log: quiet })).map((r) => ({
        case: r.format,
        medianMs: r.medianMs,
        ratio: r.ratioToJson,
        note: `${(r.bytes / 1024).toFixed(0)} KiB`,
      })),
  },
  {
    name: "versions",
    reference: "JSON.parse of a stored version",
    run: async () =>
      (await runVersionBench({ log: quiet })).map((r) => ({
        case: r.name,
        medianMs: r.medianMs,
        ratio: r.ratioToParse,
      })),
  },
];

function printTable(results: { bench: Bench; rows: BenchRow[] }[], log: (line: string) => void) {
  const header = ["bench", "case", "median ms", "ratio", "reference", "note"];
  const lines = results.flatMap(({ bench, rows }) =>
    rows.map((row) => [
      bench.name,
      row.case,
      row.medianMs.toFixed(2),
      `×${row.ratio.toFixed(1)}`,
      bench.reference,
      row.note ?? "",
    ]),
  );
  const widths = header.map((title, i) => Math.max(title.length, ...lines.map((line) => line[i].length)));
  const format = (cells: string[]) =>
    cells
      .map((cell, i) => (i === 2 || i === 3 ? cell.padStart(widths[i]) : cell.padEnd(widths[i])))
      .join("  ")
      .trimEnd();
  log(format(header));
  log(widths.map((width) => "-".repeat(width)).join("  "));
  for (const line of lines) log(format(line));
}

export async function runBenches(names: string[] = [], log: (line: string) => void = console.log) {
  const unknown = names.filter((name) => !BENCHES.some((bench) => bench.name === name));
  if (unknown.length > 0)
    throw new Error(`unknown bench ${unknown.join(", ")}; known: ${BENCHES.map((b) => b.name).join(", ")}`);
  const selected = names.length > 0 ? BENCHES.filter((bench) => names.includes(bench.name)) : BENCHES;
  const results: { bench: Bench; rows: BenchRow[] }[] = [];
  for (const bench of selected) {
    log(`running ${bench.name}…`);
    results.push({ bench, rows: await bench.run(log) });
  }
  log("");
  printTable(results, log);
  return results;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const args = process.argv.slice(2);
  const quick = args.includes("--quick") || process.env.BENCH_QUICK === "1";
  const names = args.filter((arg) => !arg.startsWith("--"));
  if (names.length === 0 || names.includes("perf")) {
    const cases = process.env.BENCH_CASES?.split(",").map((id) => id.trim().toUpperCase());
    await runPerfSuite({ quick, cases });
  }
  const others = names.filter((name) => name !== "perf");
  if (names.length === 0 || others.length > 0) await runBenches(others);
  // Benches may leave pooled connections (pg, timers) behind: the table is printed, stop here.
  process.exit(0);
}
