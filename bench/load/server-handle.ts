/**
 * Parent side of a server under test: spawns bench/load/server-process.ts,
 * pinned to its own core with taskset when available, and talks to it over IPC.
 */
import { fork, type ChildProcess } from "node:child_process";
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import type { BenchRequest, BenchResponse, Probe } from "./protocol";

const SERVER_SCRIPT = fileURLToPath(new URL("./server-process.ts", import.meta.url));

export const hasTaskset = spawnSync("taskset", ["-V"]).status === 0;
/** Cores: the servers get core 0, the load generator the last core (on a 1-core machine both share it). */
export const SERVER_CORE = 0;
export const GENERATOR_CORE = Math.max(0, (globalThis.navigator?.hardwareConcurrency ?? 2) - 1);

/** Pins the calling process (the load generator) to its core. */
export function pinGenerator(): boolean {
  if (!hasTaskset || GENERATOR_CORE === SERVER_CORE) return false;
  return spawnSync("taskset", ["-pc", String(GENERATOR_CORE), String(process.pid)]).status === 0;
}

export type ServerKind = "remit" | "reference";

export interface ServerHandle {
  kind: ServerKind;
  url: string;
  pid: number;
  request<T>(message: BenchRequest): Promise<T>;
  probe(gc?: boolean, resetPeak?: boolean): Promise<Probe>;
  stop(): Promise<void>;
}

export async function startServer(
  kind: ServerKind,
  env: Record<string, string> = {},
  options: { cpuProfileDir?: string } = {},
): Promise<ServerHandle & { startedInMs: number }> {
  const started = performance.now();
  const execArgv = ["--import", "tsx", "--expose-gc"];
  if (options.cpuProfileDir) execArgv.push("--cpu-prof", `--cpu-prof-dir=${options.cpuProfileDir}`);
  const child: ChildProcess = fork(SERVER_SCRIPT, [kind], {
    execArgv,
    env: { ...process.env, ...env },
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  if (hasTaskset && GENERATOR_CORE !== SERVER_CORE)
    spawnSync("taskset", ["-pc", String(SERVER_CORE), String(child.pid)]);
  let nextId = 1;
  const waiting = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  const ready = new Promise<{ url: string }>((resolve, reject) => {
    waiting.set(0, { resolve: resolve as (value: unknown) => void, reject });
    child.once("exit", (code) => reject(new Error(`${kind} server exited with ${code} before it was ready`)));
  });
  child.on("message", (message: BenchResponse) => {
    const pending = waiting.get(message.id);
    if (!pending) return;
    waiting.delete(message.id);
    if (message.ok) pending.resolve(message.result);
    else pending.reject(new Error(`${kind} server: ${message.error}`));
  });
  child.on("exit", () => {
    for (const pending of waiting.values()) pending.reject(new Error(`${kind} server exited`));
    waiting.clear();
  });
  const { url } = await ready;
  const request = <T>(message: BenchRequest) =>
    new Promise<T>((resolve, reject) => {
      const id = nextId++;
      waiting.set(id, { resolve: resolve as (value: unknown) => void, reject });
      child.send({ ...message, id });
    });
  return {
    kind,
    url,
    pid: child.pid!,
    startedInMs: performance.now() - started,
    request,
    probe: (gc, resetPeak) => request<Probe>({ type: "probe", gc, resetPeak }),
    async stop() {
      const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
      if (child.exitCode === null) {
        request({ type: "stop" }).catch(() => undefined);
        const timer = setTimeout(() => child.kill("SIGKILL"), 15_000);
        await exited;
        clearTimeout(timer);
      }
    },
  };
}
