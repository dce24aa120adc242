/**
 * How bench:ui reports: per size the figures, their ratio to the smallest board of the same run, and the issue's
 * targets with met/MISSED for every larger board; a run can be saved (BENCH_UI_SAVE=file) and an earlier one printed
 * next to it as "before" (BENCH_UI_BEFORE=file, by default bench/ui-before.json), each with its own ratios and load
 * average: absolute times on a shared machine move with its load, the ratios much less.
 */
import { execSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { loadavg } from "node:os";
import * as z from "zod";

export interface Figures {
  firstRowsMs: number;
  lcpMs: number;
  editableMs: number;
  syncedMs: number;
  cpuToEditableMs: number;
  longestTaskMs: number;
  ownKeyP50: number;
  ownKeyP99: number;
  remoteKeyP50: number;
  filterMs: number;
  heapMb: number;
  jsKb: number;
  jsRawKb: number;
  htmlKb: number;
  rowsVisible: number;
}

const RunSchema = z.object({
  commit: z.string(),
  at: z.string(),
  /** One-minute load average at the start and at the end of the run. */
  load: z.tuple([z.number(), z.number()]),
  loads: z.number(),
  keystrokes: z.number(),
  /** [threats, figures], smallest board first; a figure not measured is null. */
  sizes: z.array(z.tuple([z.number(), z.record(z.string(), z.number().nullable())])),
});
export type UiRun = z.infer<typeof RunSchema>;

/** The targets: below (`<`) or at least (`>=`) the value. */
interface Target {
  op: "<" | ">=";
  value: number;
}

export const METRICS: { key: keyof Figures; label: string; target?: Target; load?: true }[] = [
  { key: "firstRowsMs", label: "first paint with rows (ms)", target: { op: "<", value: 1000 }, load: true },
  { key: "lcpMs", label: "largest contentful paint (ms)", load: true },
  { key: "editableMs", label: "editable (ms)", target: { op: "<", value: 1500 }, load: true },
  { key: "syncedMs", label: "synced with the server (ms)", load: true },
  { key: "cpuToEditableMs", label: "main-thread CPU to editable (ms)", load: true },
  { key: "longestTaskMs", label: "longest main-thread task in load (ms)", target: { op: "<", value: 200 }, load: true },
  { key: "ownKeyP50", label: "own keystroke visible p50 (ms)", target: { op: "<", value: 16 } },
  { key: "ownKeyP99", label: "own keystroke visible p99 (ms)", target: { op: "<", value: 50 } },
  { key: "remoteKeyP50", label: "remote keystroke visible p50 (ms)", target: { op: "<", value: 50 } },
  { key: "filterMs", label: "filter applied (ms)", target: { op: "<", value: 100 } },
  { key: "heapMb", label: "JS heap after load (MB)", target: { op: "<", value: 100 }, load: true },
  { key: "jsKb", label: "board page JS on the wire (KB)", target: { op: "<", value: 250 }, load: true },
  { key: "jsRawKb", label: "board page JS unpacked (KB)", load: true },
  { key: "htmlKb", label: "board HTML on the wire (KB)", load: true },
  { key: "rowsVisible", label: "rows visible 1440x900 compact", target: { op: ">=", value: 25 }, load: true },
];

export function startRun(): { loadAtStart: number } {
  return { loadAtStart: loadavg()[0] };
}

export function finishRun(
  start: { loadAtStart: number },
  results: Map<number, Figures>,
  options: { loads: number; keystrokes: number },
): UiRun {
  let commit = "unknown";
  try {
    commit = execSync("git rev-parse --short HEAD", { encoding: "utf8" }).trim();
    if (execSync("git status --porcelain -- app core server", { encoding: "utf8" }).trim()) commit += "+changes";
  } catch {
    // Not a git checkout: the commit stays unknown.
  }
  return {
    commit,
    at: new Date().toISOString(),
    load: [start.loadAtStart, loadavg()[0]],
    ...options,
    sizes: [...results.entries()].map(([size, figures]) => [
      size,
      Object.fromEntries(Object.entries(figures).map(([key, value]) => [key, Number.isNaN(value) ? null : value])),
    ]),
  };
}

export function saveRun(run: UiRun, path: string): void {
  writeFileSync(path, `${JSON.stringify(run, null, 2)}\n`);
}

/** The run to print as "before": BENCH_UI_BEFORE, else bench/ui-before.json when present. */
export function readBeforeRun(): UiRun | null {
  const path = process.env.BENCH_UI_BEFORE ?? "bench/ui-before.json";
  if (!existsSync(path)) return null;
  return RunSchema.parse(JSON.parse(readFileSync(path, "utf8")));
}

const fmt = (value: number | null | undefined) =>
  value === null || value === undefined || Number.isNaN(value)
    ? "-"
    : value >= 100
      ? value.toFixed(0)
      : value.toFixed(1);
const ratio = (value: number | null | undefined, reference: number | null | undefined) => {
  const r = (value ?? NaN) / (reference ?? NaN);
  return Number.isFinite(r) ? `${r.toFixed(2)}x` : "-";
};

function verdict(value: number | null | undefined, target: Target): string {
  if (value === null || value === undefined || Number.isNaN(value)) return "-";
  return (target.op === "<" ? value < target.value : value >= target.value) ? "met" : "MISSED";
}

const describe = (run: UiRun) =>
  `${run.commit} at ${run.at.slice(0, 16)}Z, load average ${run.load[0].toFixed(1)} -> ${run.load[1].toFixed(1)}, ` +
  `median of ${run.loads} loads, ${run.keystrokes} keystrokes`;

/** One run: figures per size, ratios to the smallest board, and each target's verdict for every larger board. */
export function printRun(run: UiRun, loadOnly: boolean): void {
  const sizes = run.sizes.map(([size]) => size);
  const figures = new Map(run.sizes);
  const reference = figures.get(sizes[0])!;
  const larger = sizes.slice(1);
  console.log(`\nUI benchmark, Chromium at 1440x900, ${describe(run)}`);
  console.log(
    [
      "metric".padEnd(40),
      ...sizes.map((size) => `${size} rows`.padStart(10)),
      ...larger.map((size) => `x${size}/${sizes[0]}`.padStart(10)),
      "  target: " + larger.map((size) => `${size} rows`).join(", "),
    ].join(""),
  );
  for (const metric of METRICS) {
    if (loadOnly && !metric.load) continue;
    const target = metric.target;
    console.log(
      [
        metric.label.padEnd(40),
        ...sizes.map((size) => fmt(figures.get(size)![metric.key]).padStart(10)),
        ...larger.map((size) => ratio(figures.get(size)![metric.key], reference[metric.key]).padStart(10)),
        target
          ? `  ${target.op} ${target.value}: ` +
            larger.map((size) => verdict(figures.get(size)![metric.key], target)).join(", ")
          : "",
      ].join(""),
    );
  }
}

/** Before and after for every larger board present in both runs: figure, after/before, and ratio to the smallest board in each run. */
export function printBeforeAfter(before: UiRun, after: UiRun, loadOnly: boolean): void {
  const beforeSizes = new Map(before.sizes);
  const afterSizes = new Map(after.sizes);
  const beforeReference = before.sizes[0];
  const afterReference = after.sizes[0];
  const sizes = after.sizes.map(([size]) => size).filter((size) => beforeSizes.has(size));
  console.log(`\nBefore: ${describe(before)}`);
  console.log(`After:  ${describe(after)}`);
  console.log(
    [
      "metric".padEnd(40),
      ...sizes.flatMap((size) => [
        `${size} before`.padStart(12),
        `after`.padStart(8),
        `a/b`.padStart(7),
        `x${beforeReference[0]} b`.padStart(8),
        `x${afterReference[0]} a`.padStart(8),
        " target".padEnd(16),
      ]),
    ].join(""),
  );
  for (const metric of METRICS) {
    if (loadOnly && !metric.load) continue;
    const cells = sizes.flatMap((size) => {
      const b = beforeSizes.get(size)![metric.key];
      const a = afterSizes.get(size)![metric.key];
      const target = metric.target ? ` ${verdict(b, metric.target)}->${verdict(a, metric.target)}` : "";
      return [
        fmt(b).padStart(12),
        fmt(a).padStart(8),
        ratio(a, b).padStart(7),
        ratio(b, beforeReference[1][metric.key]).padStart(8),
        ratio(a, afterReference[1][metric.key]).padStart(8),
        target.padEnd(16),
      ];
    });
    console.log([metric.label.padEnd(40), ...cells].join(""));
  }
}
