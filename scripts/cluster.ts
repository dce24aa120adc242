/**
 * `npm run cluster`: three Remit instances on localhost (ports 3001-3003) on one PostgreSQL database and
 * one Redis, behind a round-robin proxy on port 3000 (HTTP and WebSocket). Open two browsers on
 * http://localhost:3000: their sockets land on different instances and they co-edit.
 * Env: DATABASE_URL (default postgresql://postgres@127.0.0.1:5432/remit_cluster, created if missing),
 * REDIS_URL (default redis://127.0.0.1:6379), CLUSTER_SIZE (3), PORT (3000). Run `npm run build` first.
 */
import { spawn, type ChildProcess } from "node:child_process";
import pg from "pg";
import { startRoundRobinProxy } from "../server/cluster/round-robin-proxy";

const size = Number(process.env.CLUSTER_SIZE ?? 3);
const port = Number(process.env.PORT ?? 3000);
const databaseUrl = process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/remit_cluster";
const redisUrl = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";

async function ensureDatabase(url: string): Promise<void> {
  const target = new URL(url);
  const name = target.pathname.slice(1);
  const admin = new URL(url);
  admin.pathname = "/postgres";
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    const exists = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (exists.rowCount === 0) await client.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`);
  } finally {
    await client.end();
  }
}

function startInstance(index: number): Promise<{ child: ChildProcess; url: string }> {
  const instancePort = port + 1 + index;
  const child = spawn(process.execPath, ["--enable-source-maps", "build/server/index.js"], {
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      REDIS_URL: redisUrl,
      PORT: String(instancePort),
      HOST: "127.0.0.1",
      TRUST_PROXY: "true",
      ALLOWED_ORIGINS: `http://localhost:${port},http://127.0.0.1:${port}`,
    },
    stdio: ["ignore", "pipe", "inherit"],
  });
  return new Promise((resolve, reject) => {
    child.stdout!.on("data", (chunk: Buffer) => {
      for (const line of chunk.toString().split("\n").filter(Boolean)) {
        console.log(`[instance ${index + 1}] ${line}`);
        if (line.includes("listening on")) resolve({ child, url: `http://127.0.0.1:${instancePort}` });
      }
    });
    child.once("exit", (code) => reject(new Error(`instance ${index + 1} exited with ${code}`)));
  });
}

await ensureDatabase(databaseUrl);
// The first instance applies the migrations alone; the others start once it listens.
const first = await startInstance(0);
const rest = await Promise.all(Array.from({ length: size - 1 }, (_, i) => startInstance(i + 1)));
const instances = [first, ...rest];
const proxy = await startRoundRobinProxy(
  instances.map((instance) => instance.url),
  port,
  "0.0.0.0",
);
console.log(`[cluster] ${size} instances behind http://localhost:${port} (round robin, no sticky sessions)`);

let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  for (const { child } of instances) child.kill("SIGTERM");
  await Promise.all(instances.map(({ child }) => new Promise((resolve) => child.once("exit", resolve))));
  await proxy.close();
  process.exit(0);
};
process.on("SIGINT", () => void stop());
process.on("SIGTERM", () => void stop());
