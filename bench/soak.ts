/**
 * P10 soak (not part of `npm test`): many connections over many boards for
 * minutes, each client editing lightly with presence, against one Remit
 * process (pinned to core 0; this load generator to core 1).
 *
 *   npm run soak                                 5,000 connections, 500 boards, 10 minutes, SQLite
 *   SOAK_CONNECTIONS=500 SOAK_BOARDS=50 SOAK_MINUTES=2 npm run soak
 *   SOAK_DATABASE_URL=postgresql://postgres@127.0.0.1:5432/<db> npm run soak   (an empty, existing database)
 *   SOAK_COMPACT_EVERY=1000 npm run soak             compacts each board every 1,000 updates (default 200)
 *   SOAK_PROFILE=/tmp/soak.cpuprofile npm run soak   also profiles the server after warm-up, until the end
 *                                                    (`npm run bench:profile -- --summarize <file>` reads it)
 *
 * Prints, every 30 s: delivery p50/p99, errors, disconnects, server RSS; then
 * a verdict against the targets (0 errors, 0 disconnects, p99 < 100 ms, RSS
 * flat after warm-up: the last sample within 10 % of the first after warm-up).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { percentile } from "./load/cases";
import { pinGenerator, startServer } from "./load/server-handle";
import { startProtocolSwarm, type SoakSwarm } from "./load/protocol-swarm";
import { startSwarm } from "./load/swarm";

const connections = Number(process.env.SOAK_CONNECTIONS ?? 5000);
const boards = Number(process.env.SOAK_BOARDS ?? 500);
const minutes = Number(process.env.SOAK_MINUTES ?? 10);
const editEveryMs = Number(process.env.SOAK_EDIT_EVERY_MS ?? 5000);
const perBoard = Math.max(2, Math.round(connections / boards));
// protocol: clients that speak the protocol without building the board (the default, see protocol-swarm.ts);
// provider: real WebsocketProviders, as P1 and P2 use (the generator's core then saturates first).
const clientKind = process.env.SOAK_CLIENT ?? "protocol";
if (clientKind !== "protocol" && clientKind !== "provider")
  throw new Error(`SOAK_CLIENT must be "protocol" or "provider", not "${clientKind}"`);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

const dir = mkdtempSync(join(tmpdir(), "remit-soak-"));
pinGenerator();
// Every WebsocketProvider adds a process exit listener.
process.setMaxListeners(0);
const server = await startServer("remit", {
  BENCH_DATABASE_URL: process.env.SOAK_DATABASE_URL ?? `file:${join(dir, "remit.db")}`,
  // The same `perBoard` sessions open one socket on every board: past 20 boards COLLAB-21's per-session cap
  // (MAX_SOCKETS_PER_SESSION, 20) refused them all, and the soak stopped at its 21st board.
  BENCH_MAX_SOCKETS_PER_SESSION: String(Math.max(20, boards)),
  ...(process.env.SOAK_COMPACT_EVERY ? { BENCH_COMPACT_EVERY: process.env.SOAK_COMPACT_EVERY } : {}),
});
console.log(
  `soak: ${boards} boards × ${perBoard} connections (${clientKind} clients), 1 edit per ${editEveryMs / 1000} s each, ${minutes} min`,
);
try {
  const cookies = await server.request<string[]>({ type: "sessions", count: perBoard });
  const swarms: SoakSwarm[] = [];
  const started = performance.now();
  for (let b = 0; b < boards; b++) {
    const boardId = await server.request<string>({ type: "board", members: perBoard });
    const options = { url: server.url, boardId, cookies, clients: perBoard };
    if (clientKind === "protocol") swarms.push(await startProtocolSwarm(options));
    else {
      const swarm = await startSwarm({ ...options, presence: true });
      swarms.push({ ...swarm, size: swarm.clients.length });
    }
    if (b % 50 === 49) console.log(`  ${b + 1} boards open (${((performance.now() - started) / 1000).toFixed(0)} s)`);
  }
  const baselineErrors = swarms.reduce((sum, swarm) => sum + swarm.errors(), 0);
  const next = swarms.map((swarm) =>
    Array.from({ length: swarm.size }, () => performance.now() + Math.random() * editEveryMs),
  );
  const end = performance.now() + minutes * 60_000;
  const warmUpEnd = performance.now() + Math.min(60_000, (minutes * 60_000) / 5);
  const rssAfterWarmUp: number[] = [];
  const profileFile = process.env.SOAK_PROFILE;
  let profiling = false;
  const allLatencies: number[] = [];
  let nextReport = performance.now() + 30_000;
  // Who holds the tail: the server's CPU share of its core and this generator's event-loop utilisation, per window.
  let windowProbe = await server.probe();
  let windowElu = performance.eventLoopUtilization();
  let windowStart = performance.now();
  while (performance.now() < end) {
    const now = performance.now();
    swarms.forEach((swarm, b) => {
      for (let i = 0; i < swarm.size; i++) {
        if (now >= next[b][i]) {
          swarm.edit(i);
          next[b][i] += editEveryMs;
        }
      }
    });
    if (now >= nextReport) {
      nextReport += 30_000;
      const latencies = swarms.flatMap((swarm) => swarm.latencies.splice(0));
      // A loop, not push(...): 5,000 clients deliver ~270,000 latencies per window, past the call stack's limit.
      for (const latency of latencies) allLatencies.push(latency);
      const probe = await server.probe();
      const serverCpuShare = (probe.cpuMicros - windowProbe.cpuMicros) / 1000 / (now - windowStart);
      const serverBusy = probe.eventLoop.active - windowProbe.eventLoop.active;
      const serverElu = serverBusy / (serverBusy + probe.eventLoop.idle - windowProbe.eventLoop.idle);
      const generatorElu = performance.eventLoopUtilization(windowElu).utilization;
      [windowProbe, windowElu, windowStart] = [probe, performance.eventLoopUtilization(), now];
      if (now >= warmUpEnd) rssAfterWarmUp.push(probe.rss);
      if (now >= warmUpEnd && profileFile && !profiling) {
        await server.request({ type: "profile-start" });
        profiling = true;
      }
      const errors = swarms.reduce((sum, swarm) => sum + swarm.errors(), 0) - baselineErrors;
      console.log(
        `  ${((now - started) / 60_000).toFixed(1)} min: ${latencies.length} deliveries, p50 ${percentile(latencies, 50).toFixed(0)} ms, ` +
          `p99 ${percentile(latencies, 99).toFixed(0)} ms, errors/disconnects ${errors}, server RSS ${mb(probe.rss)}, rooms ${probe.loadedRooms}, ` +
          `server CPU ${(serverCpuShare * 100).toFixed(0)} % of a core, its event loop ${(serverElu * 100).toFixed(0)} % busy, ` +
          `late by p99 ${probe.loopDelay.p99.toFixed(0)} / max ${probe.loopDelay.max.toFixed(0)} ms, generator event loop ${(generatorElu * 100).toFixed(0)} % busy`,
      );
    }
    await sleep(20);
  }
  if (profiling) await server.request({ type: "profile-stop", file: profileFile! });
  const converged = (await Promise.all(swarms.map((swarm) => swarm.waitForConvergence(30_000)))).every(Boolean);
  for (const latency of swarms.flatMap((swarm) => swarm.latencies.splice(0))) allLatencies.push(latency);
  const errors = swarms.reduce((sum, swarm) => sum + swarm.errors(), 0) - baselineErrors;
  const p99 = percentile(allLatencies, 99);
  const rssGrowth = rssAfterWarmUp.length > 1 ? rssAfterWarmUp.at(-1)! / rssAfterWarmUp[0] - 1 : 0;
  console.log("");
  console.log(`connections ${boards * perBoard} over ${boards} boards, ${minutes} min`);
  console.log(`errors + disconnects: ${errors} (target 0)`);
  console.log(`converged at the end: ${converged ? "yes" : "NO"}`);
  console.log(
    `delivery p50 ${percentile(allLatencies, 50).toFixed(0)} ms, p99 ${p99.toFixed(0)} ms (target p99 < 100 ms)`,
  );
  console.log(
    `server RSS after warm-up: ${rssAfterWarmUp.map(mb).join(", ")} (growth ${(rssGrowth * 100).toFixed(0)} %, target ≤ 10 %)`,
  );
  const met = errors === 0 && converged && p99 < 100 && rssGrowth <= 0.1;
  console.log(met ? "soak: targets met" : "soak: targets NOT met");
  for (const swarm of swarms) swarm.destroy();
  process.exitCode = met ? 0 : 1;
} finally {
  await server.stop();
  rmSync(dir, { recursive: true, force: true });
}
process.exit();
