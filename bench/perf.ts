/**
 * Issue 12's performance suite: Remit against the reference y-websocket server
 * (@y/websocket-server 0.1.1, in memory), each server in its own process pinned
 * to core 0, this process (the load generator) pinned to the other core.
 *
 *   npm run bench -- perf               full sizes (about 10 minutes on 2 cores)
 *   npm run bench -- perf --quick       small sizes (about 3 minutes)
 *   BENCH_CASES=P1,P3 npm run bench -- perf   only some cases
 */
import os from "node:os";
import {
  p1CpuPerDelivery,
  p2Paced,
  p4Throughput,
  p5Memory,
  p8DurableIntake,
  p9StartToReady,
  startPair,
  type PerfOptions,
  type PerfRow,
} from "./load/cases";
import { hasTaskset, pinGenerator } from "./load/server-handle";
import { p3ColdOpen } from "./load/p3-cold-open";

export interface PerfSuiteOptions {
  quick: boolean;
  cases?: string[];
  log?: (line: string) => void;
}

export async function runPerfSuite(options: PerfSuiteOptions): Promise<PerfRow[]> {
  const log = options.log ?? console.log;
  const wanted = (id: string) => !options.cases || options.cases.includes(id);
  const pinned = pinGenerator();
  // Every WebsocketProvider adds a process exit listener.
  process.setMaxListeners(0);
  log(
    `machine: ${os.cpus()[0]?.model ?? "?"} × ${os.cpus().length}, ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB, ` +
      `Node ${process.version}; ${pinned ? "servers pinned to core 0, load generator to core 1" : hasTaskset ? "one core: not pinned" : "taskset missing: not pinned"}; ` +
      `load average ${os
        .loadavg()
        .map((n) => n.toFixed(2))
        .join(" ")}`,
  );
  const rows: PerfRow[] = [];
  const base: PerfOptions = { quick: options.quick, log };
  if (wanted("P1") || wanted("P2") || wanted("P4")) {
    const servers = await startPair();
    const withServers = { ...base, servers };
    try {
      if (wanted("P1")) {
        rows.push(await p1CpuPerDelivery(withServers, 50, options.quick ? 50 : 200));
        rows.push(await p1CpuPerDelivery(withServers, 100, options.quick ? 30 : 100));
      }
      if (wanted("P2")) rows.push(...(await p2Paced(withServers)));
      if (wanted("P4")) rows.push(await p4Throughput(withServers));
    } finally {
      await servers.remit.stop();
      await servers.reference.stop();
    }
  }
  if (wanted("P3")) rows.push(...(await p3ColdOpen(base)));
  if (wanted("P5")) rows.push(...(await p5Memory(base)));
  if (wanted("P8")) rows.push(...(await p8DurableIntake(base)));
  if (wanted("P9")) rows.push(await p9StartToReady(base));
  log("");
  printPerfTable(rows, log);
  return rows;
}

export function printPerfTable(rows: PerfRow[], log: (line: string) => void): void {
  const header = ["id", "case", "remit", "reference (same run)", "ratio", "target", "met"];
  const lines = rows.map((row) => [
    row.id,
    row.what,
    row.remit,
    row.reference,
    row.ratio,
    row.target,
    row.met === null ? "" : row.met ? "yes" : "NO",
  ]);
  const widths = header.map((title, i) => Math.max(title.length, ...lines.map((line) => line[i].length)));
  const format = (cells: string[]) =>
    cells
      .map((cell, i) => cell.padEnd(widths[i]))
      .join(" | ")
      .trimEnd();
  log(format(header));
  log(widths.map((width) => "-".repeat(width)).join("-|-"));
  for (const line of lines) log(format(line));
}
