/**
 * The performance cases of issue 12 (P1, P2, P4, P5, P8, P9; P3 is in p3-cold-open.ts). Each runs the same
 * workload against Remit and the reference server (interleaved where both
 * apply) and returns rows with figures, the ratio and the target.
 */
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import * as Y from "yjs";
import WebSocket from "ws";
import { addRow } from "../../core/board-doc";
import { connectClient } from "../../tests/support/collab-client";
import { createPostgresDatabase } from "../../tests/support/postgres-database";
import { startServer, type ServerHandle, type ServerKind } from "./server-handle";
import type { Probe } from "./protocol";
import { startSwarm } from "./swarm";
import { writerFrames } from "./p4-workload";

export interface PerfRow {
  id: string;
  what: string;
  remit: string;
  reference: string;
  /** Remit ÷ reference for costs and times; Remit / reference for throughputs (as the target states it). */
  ratio: string;
  target: string;
  met: boolean | null;
}

export interface PerfOptions {
  quick: boolean;
  log: (line: string) => void;
  /** Servers for P1, P2, P4 (started once, reused). */
  servers?: Record<ServerKind, ServerHandle>;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const tick = () => new Promise((resolve) => setImmediate(resolve));
export const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = Float64Array.from(values).sort();
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}
const fmt = (value: number, digits = 1) => (Number.isFinite(value) ? value.toFixed(digits) : "—");
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

async function sessionsFor(server: ServerHandle, count: number): Promise<string[]> {
  return server.request<string[]>({ type: "sessions", count });
}

interface LoadRun {
  cpuMicrosPerDelivery: number;
  converged: boolean;
  errors: number;
  latencies: number[];
  seconds: number;
  edits: number;
}

/** Burst (P1) or paced (P2) editing by `clients` clients on one new board; CPU counted until converged and durable. */
async function runLoad(
  server: ServerHandle,
  clients: number,
  load: { kind: "burst"; edits: number } | { kind: "paced"; perSecond: number; seconds: number },
): Promise<LoadRun> {
  const boardId = await server.request<string>({ type: "board", members: clients });
  const cookies = await sessionsFor(server, clients);
  const swarm = await startSwarm({ url: server.url, boardId, cookies, clients });
  await sleep(200);
  const before = await server.probe();
  const started = performance.now();
  if (load.kind === "burst") {
    for (let k = 0; k < load.edits; k++) {
      for (let i = 0; i < clients; i++) swarm.edit(i);
      await tick();
    }
  } else {
    const interval = 1000 / load.perSecond;
    const next = Array.from({ length: clients }, () => started + Math.random() * interval);
    const end = started + load.seconds * 1000;
    while (performance.now() < end) {
      const now = performance.now();
      for (let i = 0; i < clients; i++) {
        if (now >= next[i]) {
          swarm.edit(i);
          next[i] += interval;
        }
      }
      await sleep(2);
    }
  }
  const converged = await swarm.waitForConvergence(120_000);
  if (server.kind === "remit") await server.request({ type: "flush", boardId });
  const after = await server.probe();
  const seconds = (performance.now() - started) / 1000;
  const edits = swarm.edits();
  const deliveries = edits * (clients - 1);
  const run = {
    cpuMicrosPerDelivery: (after.cpuMicros - before.cpuMicros) / deliveries,
    converged,
    errors: swarm.errors(),
    latencies: swarm.latencies.slice(),
    seconds,
    edits,
  };
  swarm.destroy();
  await sleep(300);
  return run;
}

/** Runs `runs` interleaved pairs (alternating which server goes first). */
async function interleaved<T>(
  servers: Record<ServerKind, ServerHandle>,
  runs: number,
  one: (server: ServerHandle) => Promise<T>,
  log: (line: string) => void,
  describe: (kind: ServerKind, result: T) => string,
): Promise<Record<ServerKind, T[]>> {
  const results: Record<ServerKind, T[]> = { remit: [], reference: [] };
  for (let run = 0; run < runs; run++) {
    const order: ServerKind[] = run % 2 === 0 ? ["reference", "remit"] : ["remit", "reference"];
    for (const kind of order) {
      const result = await one(servers[kind]);
      results[kind].push(result);
      log(`  run ${run + 1} ${kind}: ${describe(kind, result)}`);
    }
  }
  return results;
}

export async function p1CpuPerDelivery(options: PerfOptions, clients: number, edits: number): Promise<PerfRow> {
  const runs = options.quick ? 1 : 3;
  options.log(`P1: ${clients} clients × ${edits} edits, ${runs} interleaved pair(s)`);
  const results = await interleaved(
    options.servers!,
    runs,
    (server) => runLoad(server, clients, { kind: "burst", edits }),
    options.log,
    (_, r) =>
      `${fmt(r.cpuMicrosPerDelivery)} µs/delivery, ${r.converged ? "converged" : "NOT converged"}, ${r.errors} errors, ${fmt(r.seconds, 1)} s`,
  );
  const ours = median(results.remit.map((r) => r.cpuMicrosPerDelivery));
  const theirs = median(results.reference.map((r) => r.cpuMicrosPerDelivery));
  const allConverged = results.remit.every((r) => r.converged && r.errors === 0);
  const ratio = ours / theirs;
  return {
    id: "P1",
    what: `server CPU per delivered update, ${clients} clients × ${edits} edits, one board`,
    remit: `${fmt(ours)} µs${allConverged ? "" : ` (${results.remit.filter((r) => !r.converged).length} not converged, ${results.remit.reduce((s, r) => s + r.errors, 0)} errors)`}`,
    reference: `${fmt(theirs)} µs`,
    ratio: `×${fmt(ratio, 2)}`,
    target: "≤ ×0.67, converged, 0 errors",
    met: ratio <= 0.67 && allConverged,
  };
}

export async function p2Paced(options: PerfOptions): Promise<PerfRow[]> {
  const clients = 50;
  const seconds = options.quick ? 8 : 20;
  const runs = options.quick ? 1 : 3;
  options.log(`P2: ${clients} clients × 2 edits/s for ${seconds} s, ${runs} interleaved pair(s)`);
  const results = await interleaved(
    options.servers!,
    runs,
    (server) => runLoad(server, clients, { kind: "paced", perSecond: 2, seconds }),
    options.log,
    (_, r) =>
      `p50 ${fmt(percentile(r.latencies, 50))} ms, p99 ${fmt(percentile(r.latencies, 99))} ms, ${fmt(r.cpuMicrosPerDelivery)} µs/delivery, ${r.errors} errors`,
  );
  const all = (kind: ServerKind) => results[kind].flatMap((r) => r.latencies);
  const p99 = { remit: percentile(all("remit"), 99), reference: percentile(all("reference"), 99) };
  const p50 = { remit: percentile(all("remit"), 50), reference: percentile(all("reference"), 50) };
  const cpu = {
    remit: median(results.remit.map((r) => r.cpuMicrosPerDelivery)),
    reference: median(results.reference.map((r) => r.cpuMicrosPerDelivery)),
  };
  return [
    {
      id: "P2",
      what: `edit → visible p50 / p99, ${clients} clients × 2 edits/s, ${seconds} s`,
      remit: `${fmt(p50.remit)} / ${fmt(p99.remit)} ms`,
      reference: `${fmt(p50.reference)} / ${fmt(p99.reference)} ms`,
      ratio: `×${fmt(p99.remit / p99.reference, 2)} (p99)`,
      target: "p99 ≤ reference's",
      met: p99.remit <= p99.reference,
    },
    {
      id: "P2",
      what: "server CPU per delivered update under that paced load",
      remit: `${fmt(cpu.remit)} µs`,
      reference: `${fmt(cpu.reference)} µs`,
      ratio: `×${fmt(cpu.remit / cpu.reference, 2)}`,
      target: "(informative)",
      met: null,
    },
  ];
}

export interface PushResult {
  /** Updates per wall-clock second until the reader had them all; NaN when it never did. */
  perSecond: number;
  /** Updates per second of the server's own CPU time over the same span (its capacity on a core of its own). */
  perCpuSecond: number;
  /** Writers the server closed, with the code and reason (a throughput run should have none). */
  closes: string[];
}

/**
 * Writers are bare sockets sending pre-encoded update frames as fast as the
 * server reads them (so the generator's own Yjs work does not cap the rate);
 * one real client reads. Rate = updates / time until the reader has them all.
 */
/** `measured`: called as the measured window opens and closes (bench:profile profiles exactly that window). */
export async function pushThrough(
  server: ServerHandle,
  writers: number,
  each: number,
  measured?: { open(): Promise<void>; close(): Promise<void> },
): Promise<PushResult> {
  const boardId = await server.request<string>({ type: "board", members: writers + 1 });
  const cookies = await sessionsFor(server, writers + 1);
  const reader = connectClient(server.url, boardId, { cookie: cookies[writers] });
  await new Promise<void>((resolve) => reader.provider.once("sync", () => resolve()));
  const wsUrl = `${server.url.replace(/^http/, "ws")}/collab/${boardId}`;
  const sockets = await Promise.all(
    Array.from({ length: writers }, (_, i) => {
      const socket = new WebSocket(wsUrl, { headers: cookies[i] ? { Cookie: cookies[i] } : {} });
      return new Promise<WebSocket>((resolve, reject) => {
        socket.once("open", () => resolve(socket));
        socket.once("error", reject);
      });
    }),
  );
  const closes: string[] = [];
  sockets.forEach((socket, i) =>
    socket.on("close", (code, reason) => closes.push(`writer ${i}: ${code} ${reason.toString()}`)),
  );
  await sleep(300); // the room is loaded and every writer joined
  const streams = Array.from({ length: writers }, () => writerFrames(each));
  const total = writers * (each + 1);
  const rows = reader.doc.getMap("rows");
  let seen = 0;
  reader.doc.on("update", () => {
    seen = 0;
    rows.forEach((row) => (seen += 1 + ((row as Y.Map<Y.Text>).get("notes")?.length ?? 0)));
  });
  await measured?.open();
  const before = await server.probe();
  const started = performance.now();
  for (let k = 0; k <= each; k++) {
    for (let i = 0; i < writers; i++) sockets[i].send(streams[i].frames[k]);
    if (k % 50 === 49) await tick();
  }
  // A closed writer's remaining frames never arrive: stop waiting once every writer is gone.
  const deadline = performance.now() + 120_000;
  while (seen < total && closes.length < writers && performance.now() < deadline) await sleep(2);
  const wallMs = performance.now() - started;
  const closedByServer = closes.slice();
  // Remit's CPU counts until every update is durable too (the reference keeps them in memory).
  if (server.kind === "remit") await server.request({ type: "flush", boardId });
  const after = await server.probe();
  await measured?.close();
  for (const socket of sockets) socket.terminate();
  reader.destroy();
  await sleep(300);
  return {
    perSecond: seen < total ? NaN : total / (wallMs / 1000),
    perCpuSecond: seen < total ? NaN : total / ((after.cpuMicros - before.cpuMicros) / 1e6),
    closes: closedByServer,
  };
}

export async function p4Throughput(options: PerfOptions): Promise<PerfRow> {
  const writers = 10;
  const each = options.quick ? 300 : 1000;
  const runs = options.quick ? 2 : 3;
  const warmUps = Math.ceil(12_000 / (writers * (each + 1)));
  options.log(
    `P4: ${writers} writers × ${each} updates pushed as fast as the server takes them, 1 reader; ${warmUps} warm-up push(es) each, then ${runs} interleaved pair(s)`,
  );
  const result: Record<ServerKind, PushResult[]> = { remit: [], reference: [] };
  const raw: number[] = [];
  // Sustained: a fresh process also pays for loading modules and compiling hot code. V8 needs ~12,000 updates
  // through the hot path before it runs compiled (a quick push is 3,010: after one warm-up push the first measured
  // quick run reached 18-22k per CPU-second, the fourth ~60k), so the warm-up pushes at least that many.
  for (const kind of ["reference", "remit"] as ServerKind[])
    for (let push = 0; push < warmUps; push++) await pushThrough(options.servers![kind], writers, each);
  for (let run = 0; run < runs; run++) {
    for (const kind of (run % 2 === 0 ? ["reference", "remit"] : ["remit", "reference"]) as ServerKind[]) {
      const push = await pushThrough(options.servers![kind], writers, each);
      result[kind].push(push);
      // Raw Yjs in the Remit server's own process, on its core, right after its push: the same conditions.
      if (kind === "remit") raw.push(await options.servers!.remit.request<number>({ type: "raw-yjs", writers, each }));
      options.log(
        `  run ${run + 1} ${kind}: ${fmt(push.perSecond, 0)} updates/s wall, ${fmt(push.perCpuSecond, 0)} per server CPU-second` +
          (kind === "remit" ? `; raw Yjs ${fmt(raw.at(-1)!, 0)} per CPU-second` : "") +
          (push.closes.length > 0 ? `; CLOSED: ${push.closes.join(", ")}` : ""),
      );
    }
  }
  // The floor: a bare relay's socket work per update, no document (is "50 % of raw Yjs" reachable at all?).
  const relay = await startServer("reference", { BENCH_RELAY: "1" });
  const floor: PushResult[] = [];
  try {
    await pushThrough(relay, writers, each);
    for (let run = 0; run < runs; run++) floor.push(await pushThrough(relay, writers, each));
  } finally {
    await relay.stop();
  }
  const floorRate = median(floor.map((push) => push.perCpuSecond));
  options.log(
    `  bare relay (no Yjs): ${floor.map((push) => fmt(push.perCpuSecond, 0)).join(", ")} per server CPU-second`,
  );
  const ours = median(result.remit.map((push) => push.perCpuSecond));
  const oursWall = median(result.remit.map((push) => push.perSecond));
  const rawRate = median(raw);
  const closed = result.remit.reduce((sum, push) => sum + push.closes.length, 0);
  return {
    id: "P4",
    what: `updates/s through the server (${writers} writers → 1 reader, per server CPU-second) vs raw Yjs apply+encode (per CPU-second)`,
    remit:
      `${fmt(ours, 0)} /CPU-s, wall ${fmt(oursWall, 0)} /s (reference server ${fmt(median(result.reference.map((push) => push.perCpuSecond)), 0)} /CPU-s, wall ${fmt(median(result.reference.map((push) => push.perSecond)), 0)} /s)` +
      (closed > 0 ? `, ${closed} writers closed` : ""),
    reference: `raw Yjs ${fmt(rawRate, 0)} /CPU-s; bare ws relay ${fmt(floorRate, 0)} /CPU-s = ${fmt((floorRate / rawRate) * 100, 0)} %`,
    ratio: `${fmt((ours / rawRate) * 100, 0)} % (wall ${fmt((oursWall / rawRate) * 100, 0)} %)`,
    target: "≥ 50 % of raw Yjs",
    met: ours / rawRate >= 0.5 && closed === 0,
  };
}

/** Opens `count` boards one after another (10 at a time), one client each: connect, sync, one edit, leave. */
async function openAndClose(server: ServerHandle, count: number): Promise<number> {
  const cookies = await sessionsFor(server, 1);
  let errors = 0;
  for (let i = 0; i < count; i += 10) {
    await Promise.all(
      Array.from({ length: Math.min(10, count - i) }, async () => {
        const boardId = await server.request<string>({ type: "board", members: 1 });
        const client = connectClient(server.url, boardId, { cookie: cookies[0] });
        client.provider.on("connection-error", () => errors++);
        await new Promise<void>((resolve) => client.provider.once("sync", () => resolve()));
        addRow(client.doc, { title: "Opened" });
        await sleep(20);
        client.destroy();
      }),
    );
  }
  return errors;
}

/**
 * An idle server's V8 gives back the heap it grew under load (a young generation grown to 2 × 16 MB semi-spaces,
 * old-generation pages of promoted garbage) in a full collection once it has allocated little for a while: its
 * memory reducer, or the bench's forced collection after this wait. It unmaps the freed pages on a background
 * thread afterwards. Read sooner, RSS shows where V8 is in that cycle, not what the server keeps (see README, P5).
 */
const IDLE_BEFORE_COLLECTION_MS = 10_000;

/**
 * The server's memory once idle: a full collection after IDLE_BEFORE_COLLECTION_MS, then RSS read every second
 * until two readings agree within 1 % (at most 20 s).
 */
async function settledProbe(server: ServerHandle): Promise<Probe> {
  await sleep(IDLE_BEFORE_COLLECTION_MS);
  const collected = await server.probe(true);
  let rss = collected.rss;
  for (let second = 0; second < 20; second++) {
    await sleep(1000);
    const reading = (await server.probe()).rss;
    const stable = Math.abs(reading - rss) <= rss * 0.01;
    rss = reading;
    if (stable) break;
  }
  return { ...collected, rss };
}

export async function p5Memory(options: PerfOptions): Promise<PerfRow[]> {
  const boards = options.quick ? 200 : 1000;
  options.log(`P5: idle room overhead; RSS after ${boards} boards opened and closed`);
  const dir = mkdtempSync(join(tmpdir(), "remit-bench-p5-"));
  const rows: PerfRow[] = [];
  try {
    const env: Record<string, string> = {
      BENCH_DATABASE_URL: `file:${join(dir, "remit.db")}`,
      BENCH_UNLOAD_DELAY_MS: "200",
    };
    // glibc keeps freed memory in per-thread arenas: BENCH_MALLOC_ARENA_MAX=2 shows how much of RSS that is.
    if (process.env.BENCH_MALLOC_ARENA_MAX) env.MALLOC_ARENA_MAX = process.env.BENCH_MALLOC_ARENA_MAX;
    // V8 flags for the Remit server only (e.g. --max-semi-space-size=2: how much of RSS is the young generation).
    if (process.env.BENCH_REMIT_NODE_OPTIONS) env.NODE_OPTIONS = process.env.BENCH_REMIT_NODE_OPTIONS;
    const remit = await startServer("remit", env);
    const reference = await startServer("reference");
    try {
      // RSS first: its baseline must not include what the room-overhead step below loaded and let go.
      const rss = {} as Record<ServerKind, { before: number; after: number; peak: number; left: number }>;
      for (const server of [reference, remit]) {
        await openAndClose(server, 20);
        const before = await settledProbe(server);
        await server.probe(false, true);
        await openAndClose(server, boards);
        const deadline = performance.now() + 30_000;
        while ((await server.probe()).loadedRooms > 0 && performance.now() < deadline) await sleep(200);
        await sleep(500);
        // Right after the load: what P5 compared before it waited for the server to be idle (IDLE_BEFORE_COLLECTION_MS).
        const soon = await server.probe(true);
        const after = await settledProbe(server);
        rss[server.kind] = { before: before.rss, after: after.rss, peak: soon.peakRss, left: after.loadedRooms };
        // The heap says whether anything is retained; RSS also holds what malloc keeps after frees.
        options.log(
          `  ${server.kind}: RSS ${mb(before.rss)} → peak ${mb(soon.peakRss)} → ${mb(soon.rss)} 0.5 s after the last room unloaded ` +
            `(heap reserved ${mb(soon.heapTotal)}) → ${mb(after.rss)} settled; heap used ${mb(before.heapUsed)} → ${mb(after.heapUsed)}, ` +
            `heap reserved ${mb(before.heapTotal)} → ${mb(after.heapTotal)}, external ${mb(before.external)} → ${mb(after.external)}, rooms left ${after.loadedRooms}`,
        );
      }
      const growth = (kind: ServerKind, to: "after" | "peak") => rss[kind][to] / rss[kind].before - 1;
      const percent = (value: number) => `${value >= 0 ? "+" : "−"}${fmt(Math.abs(value) * 100, 0)} %`;
      rows.push({
        id: "P5",
        what: `RSS after ${boards} boards opened and closed, server idle again (growth over the idle warm baseline)`,
        remit: `${mb(rss.remit.before)} → ${mb(rss.remit.after)} (${percent(growth("remit", "after"))}, ${rss.remit.left} rooms left)`,
        reference: `${mb(rss.reference.before)} → ${mb(rss.reference.after)} (${percent(growth("reference", "after"))}, ${rss.reference.left} rooms kept)`,
        ratio: "—",
        target: "≤ +10 %, 0 rooms left",
        met: growth("remit", "after") <= 0.1 && rss.remit.left === 0,
      });
      rows.push({
        id: "P5",
        what: `peak RSS while the ${boards} boards were opened and closed (over the same baseline)`,
        remit: rss.remit.peak ? `${mb(rss.remit.peak)} (${percent(growth("remit", "peak"))})` : "not reported here",
        reference: rss.reference.peak
          ? `${mb(rss.reference.peak)} (${percent(growth("reference", "peak"))})`
          : "not reported here",
        ratio: "—",
        target: "—",
        met: null,
      });
      // A small board and a large one: the large one shows what a room keeps off the V8 heap (an encoded state).
      for (const threats of [20, 1000]) {
        const overhead = await remit.request<{ perRoomBytes: number; perDocBytes: number }>({
          type: "room-overhead",
          count: threats > 100 ? 10 : options.quick ? 50 : 200,
          rows: threats,
        });
        const beyond = overhead.perRoomBytes - overhead.perDocBytes;
        rows.push({
          id: "P5",
          what: `idle loaded room (${threats} threats, one idle connection): heap and buffers beyond its document`,
          remit: `${fmt(beyond / 1024, 1)} KB (room ${fmt(overhead.perRoomBytes / 1024, 1)} KB, doc ${fmt(overhead.perDocBytes / 1024, 1)} KB)`,
          reference: "—",
          ratio: "—",
          target: "< 100 KB",
          met: beyond < 100 * 1024,
        });
      }
    } finally {
      await remit.stop();
      await reference.stop();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return rows;
}

export async function p8DurableIntake(options: PerfOptions): Promise<PerfRow[]> {
  const writers = 20;
  const perSecond = 20;
  const seconds = options.quick ? 5 : 15;
  options.log(`P8: durable intake, ${writers} writers × ${perSecond} edits/s for ${seconds} s`);
  const rows: PerfRow[] = [];
  for (const database of ["sqlite", "postgresql"] as const) {
    const dir = mkdtempSync(join(tmpdir(), "remit-bench-p8-"));
    let postgres: Awaited<ReturnType<typeof createPostgresDatabase>> | null = null;
    try {
      if (database === "postgresql") {
        try {
          postgres = await createPostgresDatabase("remit_bench");
        } catch (error) {
          rows.push({
            id: "P8",
            what: "durable intake on PostgreSQL",
            remit: `not run: ${String(error)}`,
            reference: "—",
            ratio: "—",
            target: "every update committed, queue bounded",
            met: null,
          });
          continue;
        }
      }
      const server = await startServer("remit", {
        BENCH_DATABASE_URL: postgres ? postgres.url : `file:${join(dir, "remit.db")}`,
      });
      try {
        const boardId = await server.request<string>({ type: "board", members: writers });
        const cookies = await sessionsFor(server, writers);
        const swarm = await startSwarm({ url: server.url, boardId, cookies, clients: writers });
        let maxQueue = 0;
        let sampling = true;
        const sampler = (async () => {
          while (sampling) {
            maxQueue = Math.max(maxQueue, await server.request<number>({ type: "queue", boardId }));
            await sleep(50);
          }
        })();
        const interval = 1000 / perSecond;
        const started = performance.now();
        const next = Array.from({ length: writers }, () => started + Math.random() * interval);
        while (performance.now() < started + seconds * 1000) {
          const now = performance.now();
          for (let i = 0; i < writers; i++)
            if (now >= next[i]) {
              swarm.edit(i);
              next[i] += interval;
            }
          await sleep(2);
        }
        const converged = await swarm.waitForConvergence(60_000);
        const intakeEnd = performance.now();
        await server.request({ type: "flush", boardId });
        const drainMs = performance.now() - intakeEnd;
        sampling = false;
        await sampler;
        const stored = await server.request<Record<string, number>>({ type: "stored", boardId });
        const committed = swarm.rowIds.reduce((sum, rowId) => sum + (stored[rowId] ?? 0), 0);
        const edits = swarm.edits();
        // The queue depends on how much CPU the server got (a starved turn reads more): say how loaded the machine was.
        options.log(
          `  ${database}: ${edits} edits, ${committed} committed, max queue ${maxQueue}, drain after intake ${fmt(drainMs, 0)} ms, ${converged ? "converged" : "NOT converged"}, ${swarm.errors()} errors, load average ${fmt(loadavg()[0], 1)}`,
        );
        swarm.destroy();
        const bound = writers * perSecond; // one second of intake
        rows.push({
          id: "P8",
          what: `durable intake on ${database === "sqlite" ? "SQLite" : "PostgreSQL"}, ${writers} writers × ${perSecond} edits/s, ${seconds} s`,
          remit: `${committed}/${edits} committed, max queue ${maxQueue}, drain ${fmt(drainMs, 0)} ms`,
          reference: "— (in memory)",
          ratio: "—",
          target: `all committed, queue ≤ ${bound}`,
          met: committed === edits && maxQueue <= bound && converged,
        });
      } finally {
        await server.stop();
      }
    } finally {
      await postgres?.drop().catch(() => undefined);
      rmSync(dir, { recursive: true, force: true });
    }
  }
  return rows;
}

/** CPU time (ms) of a process and the children it waited for, from /proc (null where there is no /proc). */
function processCpuMs(pid: number): number | null {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
    // utime, stime, cutime, cstime are fields 14–17; here counted from field 3 (state) at index 0.
    const ticks = [11, 12, 13, 14].reduce((sum, index) => sum + Number(fields[index]), 0);
    return (ticks * 1000) / 100; // USER_HZ is 100 on Linux
  } catch {
    return null;
  }
}

interface ReadyTime {
  wallMs: number;
  cpuMs: number | null;
}

/**
 * Spawns a command and resolves with the time until its output matches `ready` (then stops it): wall clock,
 * and the CPU it used to get there (less sensitive to a busy machine than the wall clock).
 */
function timeToReady(command: string, args: string[], env: Record<string, string>, ready: RegExp): Promise<ReadyTime> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, args, { env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    let readyAfter: ReadyTime | null = null;
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (readyAfter === null && ready.test(output)) {
        readyAfter = { wallMs: performance.now() - started, cpuMs: processCpuMs(child.pid!) };
        child.kill("SIGTERM");
      }
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", onData);
    child.once("exit", (code) => {
      if (readyAfter !== null) resolve(readyAfter);
      else reject(new Error(`${command} exited with ${code} before ready:\n${output}`));
    });
  });
}

const COMPILED_SERVER = "build/server/index.js";

export async function p9StartToReady(options: PerfOptions): Promise<PerfRow> {
  const dir = mkdtempSync(join(tmpdir(), "remit-bench-p9-"));
  try {
    const compiled = existsSync(COMPILED_SERVER);
    const command = compiled
      ? [process.execPath, "--enable-source-maps", COMPILED_SERVER]
      : [process.execPath, "--import", "tsx", "server/index.ts"];
    options.log(`P9: start to ready of \`${command.join(" ")}\` (a built checkout)`);
    const env = { DATABASE_URL: `file:${join(dir, "remit.db")}`, PORT: "0", HOST: "127.0.0.1", DEMO: "false" };
    const readyLine = /\[remit\] listening on/;
    const firstStart = await timeToReady(command[0], command.slice(1), env, readyLine);
    const remit: ReadyTime[] = [];
    const reference: ReadyTime[] = [];
    const referenceScript = new URL("./reference-server.mjs", import.meta.url).pathname;
    for (let i = 0; i < (options.quick ? 2 : 5); i++) {
      reference.push(await timeToReady(process.execPath, [referenceScript], { PORT: "0" }, /READY/));
      remit.push(await timeToReady(command[0], command.slice(1), env, readyLine));
    }
    const ours = median(remit.map((time) => time.wallMs));
    const theirs = median(reference.map((time) => time.wallMs));
    const cpu = (times: ReadyTime[]) => `CPU ${fmt(median(times.map((time) => time.cpuMs ?? NaN)), 0)} ms`;
    return {
      id: "P9",
      what: `process start to ready, ${compiled ? "compiled server" : "tsx server/index.ts"}, migrated database`,
      remit: `${fmt(ours, 0)} ms, ${cpu(remit)} (fresh database: ${fmt(firstStart.wallMs, 0)} ms)`,
      reference: `${fmt(theirs, 0)} ms, ${cpu(reference)}`,
      ratio: `×${fmt(ours / theirs, 1)}`,
      target: "< 2000 ms",
      met: ours < 2000,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function startPair(): Promise<Record<ServerKind, ServerHandle>> {
  const dir = mkdtempSync(join(tmpdir(), "remit-bench-"));
  // P1, P2 and P4 measure the server's work, not COLLAB-21's per-socket rate (the reference has none): P4's
  // writers push faster than a browser ever sends, and would be throttled to 200 frames/s each (PERF-32).
  const remit = await startServer("remit", {
    BENCH_DATABASE_URL: `file:${join(dir, "remit.db")}`,
    BENCH_MAX_FRAMES_PER_SECOND: "1000000",
  });
  const reference = await startServer("reference");
  const stop = remit.stop.bind(remit);
  remit.stop = async () => {
    await stop();
    rmSync(dir, { recursive: true, force: true });
  };
  return { remit, reference };
}
