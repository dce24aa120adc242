/**
 * Checkpoints a SQLite database's WAL on a thread of its own (COLLAB-50), on a connection of its own: a PASSIVE
 * checkpoint takes no write lock, so the server's connection keeps committing while the pages are copied and
 * fsynced here, instead of inside one of its commits on the event loop.
 */
import { parentPort, workerData } from "node:worker_threads";
import Database from "better-sqlite3";

const { file } = workerData as { file: string };
const db = new Database(file, { fileMustExist: true });
// NORMAL: the WAL is synced before a checkpoint copies it and the database file after (all a checkpoint needs).
db.pragma("synchronous = NORMAL");
// Never wait for a lock here: a checkpoint that cannot run now runs at the next request.
db.pragma("busy_timeout = 0");

parentPort!.on("message", () => {
  try {
    const [result] = db.pragma("wal_checkpoint(PASSIVE)") as { busy: number; log: number; checkpointed: number }[];
    parentPort!.postMessage({ ok: true, ...result });
  } catch (error) {
    parentPort!.postMessage({ ok: false, error: String(error) });
  }
});
