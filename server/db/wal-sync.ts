import { open, type FileHandle } from "node:fs/promises";
import type Database from "better-sqlite3";

/** Makes commits already written to a connection's WAL file durable (COLLAB-46). */
export interface WalSync {
  /** Resolves once an fdatasync of the WAL that started after this call has completed. Never rejects. */
  covering(): Promise<void>;
  close(): void;
}

/** Between attempts of a failed fdatasync (an I/O error may clear; nothing is acknowledged meanwhile). */
const RETRY_DELAYS_MS = [10, 100, 1000, 5000];

/**
 * One fdatasync at a time, in libuv's thread pool, shared by every commit that landed before it started: a commit
 * that lands while one runs waits for the next, which covers all of them (group sync). An fsync through any
 * descriptor of the file flushes every write to it, SQLite's included. A checkpoint syncs the WAL before it copies
 * it into the database, so a WAL that restarts from its start never overwrites frames that were not yet durable.
 * Null when the connection does not write a WAL file (in-memory database, other journal mode): then commits keep
 * the connection's own synchronous setting.
 */
export function walSyncer(db: Database.Database): WalSync | null {
  if (db.memory || db.pragma("journal_mode", { simple: true }) !== "wal") return null;
  const path = `${db.name}-wal`;
  let handle: Promise<FileHandle> | null = null;
  let running: Promise<void> | null = null;
  let next: Promise<void> | null = null;

  const dropHandle = () => {
    const dropped = handle;
    handle = null;
    void dropped?.then((file) => file.close()).catch(() => undefined);
  };

  async function syncOnce(): Promise<void> {
    for (let attempt = 0; ; attempt++) {
      try {
        handle ??= open(path, "r");
        await (await handle).datasync();
        return;
      } catch (error) {
        dropHandle();
        // No WAL file: the last connection checkpointed it into the database (synced) and removed it.
        if ((error as NodeJS.ErrnoException).code === "ENOENT") return;
        const delay = RETRY_DELAYS_MS[Math.min(attempt, RETRY_DELAYS_MS.length - 1)];
        console.error(`update log: syncing ${path} failed (attempt ${attempt + 1}), retrying in ${delay} ms`, error);
        await new Promise((resolve) => setTimeout(resolve, delay));
      }
    }
  }

  function start(): Promise<void> {
    const run: Promise<void> = syncOnce().finally(() => {
      if (running === run) running = null;
    });
    running = run;
    return run;
  }

  return {
    covering() {
      if (!running) return start();
      // The sync in flight may have started before this commit's frames were written: the next one covers them.
      next ??= running.then(() => {
        next = null;
        return start();
      });
      return next;
    },
    close: dropHandle,
  };
}
