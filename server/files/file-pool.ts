/**
 * A small worker pool (piscina) for import parsing and export rendering, with
 * a budget per job: `timeoutMs` of wall time from submission (the job is
 * aborted and its worker terminated) and `memoryMb` of heap per worker
 * (V8 resourceLimits: a worker over it dies alone). A full queue is refused
 * at once. Everybody else keeps editing: the event loop only posts messages.
 *
 * The worker entry: a compiled build puts file-worker.js next to this module
 * (see docs/decisions/ on the pool); from source (tsx, vitest) the .ts entry
 * runs through tsx's loader in the worker.
 */
import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { Piscina } from "piscina";
import { FileJobRefused } from "../../core/file-jobs";
import type { FileTask } from "./file-worker";
import { messageRef } from "../../core/message-ref";

export interface FilePoolOptions {
  /** Worker threads (default: one fewer than the cores, at least one). */
  threads?: number;
  /** Wall-time budget per job, from submission. */
  timeoutMs: number;
  /** Old-generation heap per worker. */
  memoryMb: number;
  /** Jobs waiting beyond the running ones before new ones are refused (503 busy). */
  maxQueue?: number;
  /** Told about a worker that died outside a job (logged by the server). */
  onWorkerError?: (error: unknown) => void;
}

interface FilePool {
  /** `timeoutMs` overrides the pool's time budget for this job. */
  run<T>(task: FileTask, options?: { transfer?: ArrayBuffer[]; timeoutMs?: number }): Promise<T>;
  close(): Promise<void>;
}

function workerEntry(): { filename: string; execArgv: string[] } {
  const compiled = new URL("./file-worker.js", import.meta.url);
  if (existsSync(fileURLToPath(compiled))) return { filename: compiled.href, execArgv: [] };
  return { filename: new URL("./file-worker.ts", import.meta.url).href, execArgv: ["--import", "tsx"] };
}

const isAbort = (error: unknown) => (error as Error)?.name === "AbortError";
const isOutOfMemory = (error: unknown) =>
  (error as NodeJS.ErrnoException)?.code === "ERR_WORKER_OUT_OF_MEMORY" ||
  /out of memory|heap limit/i.test(String((error as Error)?.message));

export function createFilePool(options: FilePoolOptions): FilePool {
  const entry = workerEntry();
  const maxQueue = options.maxQueue ?? 8;
  let pool: Piscina | null = null;
  // Created on first use: a server that never exports starts no thread.
  const getPool = () => (pool ??= startPool());
  const startPool = () => {
    const created = new Piscina({
      filename: entry.filename,
      execArgv: entry.execArgv,
      minThreads: 0,
      maxThreads: options.threads ?? Math.max(1, availableParallelism() - 1),
      idleTimeout: 60_000,
      maxQueue,
      resourceLimits: { maxOldGenerationSizeMb: options.memoryMb, maxYoungGenerationSizeMb: 32 },
    });
    // A worker that dies between jobs (or while starting) is replaced by piscina; without a listener
    // its 'error' event would be an uncaught exception that takes the whole server down.
    created.on("error", (error: unknown) => options.onWorkerError?.(error));
    return created;
  };

  return {
    async run<T>(task: FileTask, runOptions: { transfer?: ArrayBuffer[]; timeoutMs?: number } = {}): Promise<T> {
      const { transfer, timeoutMs = options.timeoutMs } = runOptions;
      const running = getPool();
      if (running.queueSize >= maxQueue) throw new FileJobRefused("busy", 503, messageRef("fileJobs.busy"), 5);
      try {
        return (await running.run(task, { signal: AbortSignal.timeout(timeoutMs), transferList: transfer })) as T;
      } catch (error) {
        const status = task.kind === "import" ? 422 : 503;
        if (isAbort(error))
          throw new FileJobRefused("time", status, messageRef("fileJobs.time", { seconds: timeoutMs / 1000 }));
        if (isOutOfMemory(error))
          throw new FileJobRefused("memory", status, messageRef("fileJobs.memory", { size: options.memoryMb }));
        throw error;
      }
    },
    async close() {
      const running = pool;
      pool = null;
      await running?.destroy();
    },
  };
}
