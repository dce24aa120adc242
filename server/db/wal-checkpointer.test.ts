import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterEach, expect, it } from "vitest";
import { walCheckpointer } from "./wal-checkpointer";

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** Polls a condition; the deadline only guards against a hang, it is no timing assertion. */
async function until(condition: () => boolean, deadlineMs = 60_000): Promise<boolean> {
  const deadline = Date.now() + deadlineMs;
  while (!condition() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
  return condition();
}

it("PERF-55 the checkpoint thread stops once idle and starts again at the next checkpoint", async () => {
  const dir = mkdtempSync(join(tmpdir(), "remit-wal-"));
  dirs.push(dir);
  const file = join(dir, "idle.db");
  const db = new Database(file);
  db.pragma("journal_mode = WAL");
  db.exec("CREATE TABLE t (x BLOB)");
  const checkpointer = walCheckpointer(
    file,
    () => db.open,
    () => undefined,
    50,
  );
  try {
    db.prepare("INSERT INTO t VALUES (?)").run(Buffer.alloc(64 * 1024));
    expect(await checkpointer.checkpoint()).toBeGreaterThan(0);
    expect(checkpointer.threadRunning).toBe(true);
    expect(await until(() => !checkpointer.threadRunning)).toBe(true);
    db.prepare("INSERT INTO t VALUES (?)").run(Buffer.alloc(64 * 1024));
    expect(await checkpointer.checkpoint()).toBeGreaterThan(0);
    expect(checkpointer.threadRunning).toBe(true);
  } finally {
    await checkpointer.close();
    db.close();
  }
});
