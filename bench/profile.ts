/**
 * Profiles the Remit server process (`node --cpu-prof`) under P1's load
 * (50 clients × 200 edits on one board, durable on SQLite) and prints where
 * its CPU went: by package/area and by function (self time).
 *
 *   npm run bench:profile                 50 clients × 200 edits
 *   npm run bench:profile -- 50 50        clients, edits
 *   npm run bench:profile -- --p4 10 1000 P4's load: writers, updates each (3 runs, each over P4's measured span)
 *   npm run bench:profile -- --p2 50 20   P2's paced load: clients × 2 edits/s for 20 s (only that window profiled)
 *   npm run bench:profile -- --summarize <file.cpuprofile>...
 */
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pushThrough } from "./load/cases";
import { startSwarm } from "./load/swarm";
import { pinGenerator, startServer } from "./load/server-handle";

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** Which package or area a frame belongs to. */
function areaOf(url: string, name: string): string {
  if (!url) return name.startsWith("(") ? name : `(native) ${name}`;
  const modules = url.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/);
  if (modules) return modules[1];
  if (url.includes("/generated/")) return "prisma generated client";
  if (url.startsWith("node:")) return `node:${url.slice(5).split("/")[0]}`;
  const own = url.match(/\/(server|core)\/(.+?)(\.ts|\.js)?$/);
  if (own) return `remit ${own[1]}/${own[2]}`;
  return url.split("/").slice(-2).join("/");
}

/** Self time by area and by function, summed over `profiles` (e.g. one per measured window). */
export function summarizeProfile(profiles: CpuProfile[], top = 20): string[] {
  let busy = 0;
  const areas = new Map<string, number>();
  const functions = new Map<string, number>();
  for (const profile of profiles) {
    const byId = new Map(profile.nodes.map((node) => [node.id, node]));
    const selfMicros = new Map<number, number>();
    profile.samples.forEach((id, i) => selfMicros.set(id, (selfMicros.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
    for (const [id, micros] of selfMicros) {
      const { functionName, url, lineNumber } = byId.get(id)!.callFrame;
      // The inspector's own work (Profiler.start records every compiled function), not the server's.
      if (functionName === "(idle)" || (functionName === "dispatch" && !url)) continue;
      busy += micros;
      const area = areaOf(url, functionName);
      areas.set(area, (areas.get(area) ?? 0) + micros);
      const key = `${functionName || "(anonymous)"}  ${area}${url ? `:${lineNumber + 1}` : ""}`;
      functions.set(key, (functions.get(key) ?? 0) + micros);
    }
  }
  const lines = [`busy ${(busy / 1e6).toFixed(1)} s of CPU (idle excluded)`, "", "by area (self time):"];
  const pct = (micros: number) => `${((micros / busy) * 100).toFixed(1).padStart(5)} %`;
  for (const [area, micros] of [...areas].sort((a, b) => b[1] - a[1]).slice(0, top))
    lines.push(`  ${pct(micros)}  ${area}`);
  lines.push("", "by function (self time):");
  for (const [name, micros] of [...functions].sort((a, b) => b[1] - a[1]).slice(0, top))
    lines.push(`  ${pct(micros)}  ${name}`);
  return lines;
}

async function profileUnderLoad(clients: number, edits: number): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), "remit-profile-"));
  pinGenerator();
  process.setMaxListeners(0);
  const server = await startServer(
    "remit",
    { BENCH_DATABASE_URL: `file:${join(dir, "remit.db")}` },
    { cpuProfileDir: dir },
  );
  const boardId = await server.request<string>({ type: "board", members: clients });
  const cookies = await server.request<string[]>({ type: "sessions", count: clients });
  const swarm = await startSwarm({ url: server.url, boardId, cookies, clients });
  for (let k = 0; k < edits; k++) {
    for (let i = 0; i < clients; i++) swarm.edit(i);
    await new Promise((resolve) => setImmediate(resolve));
  }
  const converged = await swarm.waitForConvergence(300_000);
  await server.request({ type: "flush", boardId });
  console.log(
    `${clients} clients × ${edits} edits, ${converged ? "converged" : "NOT converged"}, ${swarm.errors()} errors`,
  );
  swarm.destroy();
  await server.stop();
  return keepProfile(dir);
}

function keepProfile(dir: string): string {
  const file = readdirSync(dir).find((name) => name.endsWith(".cpuprofile"));
  if (!file) throw new Error("no profile written");
  const target = join(process.cwd(), `remit-server-${Date.now()}.cpuprofile`);
  copyFileSync(join(dir, file), target);
  rmSync(dir, { recursive: true, force: true });
  return target;
}

/** P2's load: `clients` editing 2 times a second each; the profile covers the paced window only. */
async function profilePaced(clients: number, seconds: number): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), "remit-profile-"));
  pinGenerator();
  process.setMaxListeners(0);
  const server = await startServer("remit", { BENCH_DATABASE_URL: `file:${join(dir, "remit.db")}` });
  const boardId = await server.request<string>({ type: "board", members: clients });
  const cookies = await server.request<string[]>({ type: "sessions", count: clients });
  const swarm = await startSwarm({ url: server.url, boardId, cookies, clients });
  const target = join(process.cwd(), `remit-server-p2-${Date.now()}.cpuprofile`);
  await server.request({ type: "profile-start" });
  const interval = 500;
  const started = performance.now();
  const next = Array.from({ length: clients }, () => started + Math.random() * interval);
  while (performance.now() < started + seconds * 1000) {
    const now = performance.now();
    for (let i = 0; i < clients; i++) {
      if (now < next[i]) continue;
      swarm.edit(i);
      next[i] += interval;
    }
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
  const converged = await swarm.waitForConvergence(120_000);
  await server.request({ type: "profile-stop", file: target });
  const sorted = swarm.latencies.slice().sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]?.toFixed(1);
  console.log(
    `${clients} clients × 2 edits/s for ${seconds} s, ${converged ? "converged" : "NOT converged"}, ${swarm.errors()} errors, edit → visible p50 ${at(0.5)} ms, p99 ${at(0.99)} ms`,
  );
  swarm.destroy();
  await server.stop();
  rmSync(dir, { recursive: true, force: true });
  return target;
}

/**
 * P4's load: bare writers pushing pre-encoded update frames as fast as the server reads them, one reader. After a
 * warm-up push of the same size (as P4 does), each of 3 runs is profiled over exactly the span P4 rates: from the
 * first frame sent until every update is delivered and durable (not the board, sessions and sockets set up before).
 */
async function profileThroughput(writers: number, each: number): Promise<string[]> {
  const dir = mkdtempSync(join(tmpdir(), "remit-profile-"));
  pinGenerator();
  process.setMaxListeners(0);
  const server = await startServer("remit", {
    BENCH_DATABASE_URL: `file:${join(dir, "remit.db")}`,
    BENCH_MAX_FRAMES_PER_SECOND: "1000000",
  });
  await pushThrough(server, writers, each);
  const started = Date.now();
  const targets: string[] = [];
  for (let run = 0; run < 3; run++) {
    const target = join(process.cwd(), `remit-server-p4-${started}-${run + 1}.cpuprofile`);
    const { perSecond, perCpuSecond } = await pushThrough(server, writers, each, {
      open: () => server.request({ type: "profile-start" }),
      close: () => server.request({ type: "profile-stop", file: target }),
    });
    targets.push(target);
    console.log(
      `${writers} writers × ${each} updates: ${perSecond.toFixed(0)} /s wall, ${perCpuSecond.toFixed(0)} /CPU-s`,
    );
  }
  await server.stop();
  rmSync(dir, { recursive: true, force: true });
  return targets;
}

const args = process.argv.slice(2);
const files =
  args[0] === "--summarize"
    ? args.slice(1)
    : args[0] === "--p2"
      ? [await profilePaced(Number(args[1] ?? 50), Number(args[2] ?? 20))]
      : args[0] === "--p4"
        ? await profileThroughput(Number(args[1] ?? 10), Number(args[2] ?? 1000))
        : [await profileUnderLoad(Number(args[0] ?? 50), Number(args[1] ?? 200))];
console.log(`profile: ${files.join(", ")}`);
const profiles = files.map((file) => JSON.parse(readFileSync(file, "utf8")) as CpuProfile);
for (const line of summarizeProfile(profiles)) console.log(line);
process.exit(0);
