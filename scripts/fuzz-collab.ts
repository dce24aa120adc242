/**
 * Seeded fuzz run against a real Remit server (COLLAB-25), outside the
 * default test run:
 *
 *   npm run fuzz:collab -- [--seed 1] [--frames 5000] [--attackers 4] [--edits 200] [--postgres]
 *
 * Prints a JSON report and exits 1 if any target is missed: 0 process
 * deaths, every healthy edit delivered and stored, 0 hostile content in the
 * document or the database, no pending structs stored, no wedged room.
 */
import { parseArgs } from "node:util";
import { runCollabFuzz } from "../tests/support/collab-fuzz";
import { createPostgresTestDatabase, createTestDatabase, startTestServer } from "../tests/support/test-server";

const { values } = parseArgs({
  options: {
    seed: { type: "string", default: "1" },
    frames: { type: "string", default: "5000" },
    attackers: { type: "string", default: "4" },
    edits: { type: "string", default: "200" },
    postgres: { type: "boolean", default: false },
  },
});

const database = values.postgres ? await createPostgresTestDatabase() : createTestDatabase();
// Server log lines go to stderr (poisoned rooms, failed applies), so a missed target can be traced.
const server = await startTestServer(
  database,
  { COMPACT_EVERY: "50" },
  { unloadDelayMs: 1000, log: (message, error) => console.error(`[server] ${message}`, error ?? "") },
);
try {
  const report = await runCollabFuzz(server, {
    seed: Number(values.seed),
    frames: Number(values.frames),
    attackers: Number(values.attackers),
    healthyEdits: Number(values.edits),
    log: (line) => console.error(line),
  });
  console.log(JSON.stringify({ database: values.postgres ? "postgresql" : "sqlite", ...report }, null, 2));
  const ok =
    report.processDeaths === 0 &&
    report.healthyDeliveredToWatcher === report.healthyEdits &&
    report.healthyDeliveredToLateJoiner === report.healthyEdits &&
    report.healthyStored === report.healthyEdits &&
    report.hostileInDocument.length === 0 &&
    report.hostileInDatabase.length === 0 &&
    !report.pendingInDatabase &&
    !report.roomWedged;
  process.exitCode = ok ? 0 : 1;
} finally {
  await server.stop();
  database.dispose();
  if ("disposeAsync" in database) await (database as { disposeAsync(): Promise<void> }).disposeAsync();
}
