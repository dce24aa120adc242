/**
 * Export benchmark: a 1,000-row snapshot exported in every format, median of
 * 3 runs each (after one warm-up), and each format's time as a ratio to the
 * JSON export measured in the same run — ratios survive a slower machine,
 * absolute times do not. Prints figures only; no thresholds.
 *
 *   npx tsx bench/exports.ts
 */
import { pathToFileURL } from "node:url";
import { EXPORT_FORMATS, exportMatrix, type ExportFormat } from "../server/export/index";
import { sampleSnapshot } from "../tests/fixtures/sample-snapshot";

export interface ExportBenchResult {
  format: ExportFormat;
  medianMs: number;
  bytes: number;
  ratioToJson: number;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

export async function runExportBench(
  options: { rows?: number; runs?: number; log?: (line: string) => void } = {},
): Promise<ExportBenchResult[]> {
  const { rows = 1000, runs = 3, log = console.log } = options;
  const snapshot = sampleSnapshot({ rows });
  const measured: Omit<ExportBenchResult, "ratioToJson">[] = [];
  for (const format of EXPORT_FORMATS) {
    await exportMatrix(format, snapshot); // warm-up: module init, font parsing, JIT
    const times: number[] = [];
    let bytes = 0;
    for (let i = 0; i < runs; i++) {
      const start = performance.now();
      bytes = (await exportMatrix(format, snapshot)).body.length;
      times.push(performance.now() - start);
    }
    measured.push({ format, medianMs: median(times), bytes });
  }
  const json = measured.find((m) => m.format === "json")!.medianMs;
  const results = measured.map((m) => ({ ...m, ratioToJson: m.medianMs / json }));
  log(`exports of a ${rows}-row snapshot, median of ${runs}:`);
  for (const r of results) {
    log(
      `  ${r.format.padEnd(5)} ${r.medianMs.toFixed(1).padStart(9)} ms  ${(r.bytes / 1024)
        .toFixed(0)
        .padStart(7)} KiB  ×${r.ratioToJson.toFixed(1)} JSON`,
    );
  }
  return results;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await runExportBench();
}
