/**
 * Profiles the Remit server process (`node --cpu-prof`) under P1's load
 * (50 clients × 200 edits on one board, durable on SQLite) and prints where
 * its CPU went: by package/area and by function (self time).
 *
 *   npm run bench:profile                 50 clients × 200 edits
 *   npm run bench:profile -- 50 50        clients, edits
 *   npm run bench:profile -- --summarize <file.cpuprofile>
 */
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
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

export function summarizeProfile(profile: CpuProfile, top = 20): string[] {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const selfMicros = new Map<number, number>();
  profile.samples.forEach((id, i) => selfMicros.set(id, (selfMicros.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  let busy = 0;
  const areas = new Map<string, number>();
  const functions = new Map<string, number>();
  for (const [id, micros] of selfMicros) {
    const node = byId.get(id)!;
    const { functionName, url, lineNumber } = node.callFrame;
    if (functionName === "(idle)") continue;
    busy += micros;
    const area = areaOf(url, functionName);
    areas.set(area, (areas.get(area) ?? 0) + micros);
    const key = `${functionName || "(anonymous)"}  ${area}${url ? `:${lineNumber + 1}` : ""}`;
    functions.set(key, (functions.get(key) ?? 0) + micros);
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
  const file = readdirSync(dir).find((name) => name.endsWith(".cpuprofile"));
  if (!file) throw new Error("no profile written");
  const target = join(process.cwd(), `remit-server-${Date.now()}.cpuprofile`);
  copyFileSync(join(dir, file), target);
  rmSync(dir, { recursive: true, force: true });
  return target;
}

const args = process.argv.slice(2);
const file =
  args[0] === "--summarize" ? args[1] : await profileUnderLoad(Number(args[0] ?? 50), Number(args[1] ?? 200));
console.log(`profile: ${file}`);
for (const line of summarizeProfile(JSON.parse(readFileSync(file, "utf8")) as CpuProfile)) console.log(line);
process.exit(0);
