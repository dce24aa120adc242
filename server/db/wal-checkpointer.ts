import { existsSync } from "node:fs";
import { stat } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";

/**
 * WAL pages the server's own connection lets grow before it checkpoints in a commit, on the event loop: a safety
 * net only. The checkpoint thread keeps the WAL far below it; in a long storm a PASSIVE checkpoint may never
 * catch the WAL up at the moment a commit starts (that is when SQLite restarts the WAL), and then this bounds it.
 */
export const CONNECTION_AUTOCHECKPOINT_PAGES = 16_384;
/** WAL size at which the thread checkpoints (SQLite's own default: 1,000 pages of 4 KiB). */
const CHECKPOINT_AT_BYTES = 4 * 1024 * 1024;
const LOOK_EVERY_MS = 250;

/** The compiled worker next to this module (build/server), else the TypeScript source through tsx (development, tests). */
function startThread(file: string): Worker {
  const compiled = new URL("./wal-checkpoint-worker.js", import.meta.url);
  if (existsSync(fileURLToPath(compiled))) return new Worker(compiled, { workerData: { file } });
  // Development and tests run TypeScript through tsx: the thread registers tsx's loader, then imports the source.
  const source = new URL("./wal-checkpoint-worker.ts", import.meta.url).href;
  const script = `import("tsx/esm/api").then(({ register }) => (register(), import(${JSON.stringify(source)})))`;
  return new Worker(script, { eval: true, workerData: { file } });
}

export interface WalCheckpointer {
  /** Checkpoints now (once the one running, if any, is done); resolves with the pages checkpointed. */
  checkpoint(): Promise<number>;
  close(): Promise<void>;
}

/**
 * Watches the WAL of `file` and checkpoints it on a worker thread once it grows past CHECKPOINT_AT_BYTES (COLLAB-50).
 * The thread starts at the first checkpoint: a server whose WAL stays small never starts one.
 */
export function walCheckpointer(
  file: string,
  /** False once the server's connection closed: the thread and the watch stop with it. */
  isOpen: () => boolean,
  log: (message: string, error?: unknown) => void,
): WalCheckpointer {
  let worker: Worker | null = null;
  let running: Promise<number> | null = null;
  let closed = false;
  /** The WAL's modification time when the last checkpoint started: a WAL that did not change needs none. */
  let checkpointedAt = 0;

  const startWorker = () => {
    const started = startThread(file);
    started.unref();
    started.on("error", (error) => {
      log("WAL checkpoint thread failed; a new one starts at the next checkpoint", error);
      if (worker === started) worker = null;
    });
    return started;
  };

  const checkpoint = (): Promise<number> => {
    if (closed) return Promise.resolve(0);
    if (running) return running.then(checkpoint);
    const thread = (worker ??= startWorker());
    running = new Promise<number>((resolve) => {
      const onExit = () => resolve(0);
      thread.once("exit", onExit);
      thread.once("message", (result: { ok: boolean; checkpointed?: number; error?: string }) => {
        thread.off("exit", onExit);
        if (!result.ok) log(`WAL checkpoint failed: ${result.error}`);
        resolve(result.checkpointed ?? 0);
      });
      thread.postMessage("checkpoint");
    }).finally(() => (running = null));
    return running;
  };

  const close = async () => {
    closed = true;
    clearInterval(look);
    await running;
    await worker?.terminate();
    worker = null;
  };

  // The WAL file keeps its size when SQLite restarts it from the start, so its size says only that it once grew:
  // a checkpoint runs when it is that big and was written since the last one.
  const look = setInterval(() => {
    if (!isOpen()) return void close();
    if (running) return;
    stat(`${file}-wal`).then(
      (wal) => {
        if (wal.size < CHECKPOINT_AT_BYTES || wal.mtimeMs === checkpointedAt) return;
        checkpointedAt = wal.mtimeMs;
        void checkpoint();
      },
      () => undefined, // no WAL file (yet): nothing to checkpoint
    );
  }, LOOK_EVERY_MS);
  look.unref();

  return { checkpoint, close };
}
