/**
 * SIGKILL durability run (COLLAB-26), outside the default test run:
 *
 *   npm run crash:collab -- [--seeds 1,2,3] [--clients 20] [--edits 100] [--postgres] [--reference]
 *
 * Per seed: one Remit instance as a child process on a fresh database, the clients type into their own rows,
 * the instance is killed with SIGKILL mid-storm and restarted on the same database. Prints one line per run
 * (edits offered, acknowledged, acknowledged lost, in-flight lost) and exits 1 if any acknowledged edit is lost.
 * With --reference (COLLAB-32), the same seeded storm then runs against @y/websocket-server persisting to LevelDB,
 * killed once as many edits are typed as when Remit was killed; a line compares both in-flight losses, and the
 * run also fails if Remit lost more in flight than the reference.
 */
import { parseArgs } from "node:util";
import { runCrashDurability } from "../tests/support/crash-durability";
import { runReferenceCrash } from "../tests/support/crash-reference";
import { createPostgresTestDatabase, createTestDatabase } from "../tests/support/test-server";

const { values } = parseArgs({
  options: {
    seeds: { type: "string", default: "1,2,3" },
    clients: { type: "string", default: "20" },
    edits: { type: "string", default: "100" },
    postgres: { type: "boolean", default: false },
    reference: { type: "boolean", default: false },
  },
});

const kind = values.postgres ? "postgresql" : "sqlite";
let failed = false;
for (const seed of values.seeds.split(",").map(Number)) {
  const database = values.postgres ? await createPostgresTestDatabase() : createTestDatabase();
  try {
    const report = await runCrashDurability(database, {
      seed,
      clients: Number(values.clients),
      editsPerClient: Number(values.edits),
      log: (line) => console.error(`  seed ${seed}: ${line}`),
    });
    console.log(
      `${kind} seed ${seed}: ${report.offered} offered, ${report.sent} sent, ${report.acknowledged} acknowledged ` +
        `(${report.acknowledgedAtKill} at the kill, ${report.requiredAcknowledged} required), ` +
        `${report.acknowledgedLost} acknowledged lost, ${report.inFlightLost} in-flight lost, ` +
        `${report.inFlightSurvived} unacknowledged but kept`,
    );
    if (report.acknowledgedLost > 0 || report.acknowledgedAtKill < report.requiredAcknowledged) {
      failed = true;
      console.log(`  lost acknowledged edits (client:edit): ${report.lostAcknowledged.join(" ")}`);
    }
    if (values.reference) {
      const reference = await runReferenceCrash({
        seed,
        clients: Number(values.clients),
        editsPerClient: Number(values.edits),
        killAtTyped: report.typedAtKill,
        killAtEchoed: report.acknowledgedAtKill,
        log: (line) => console.error(`  seed ${seed}: ${line}`),
      });
      const worse = report.inFlightLost > reference.lost;
      if (worse) failed = true;
      console.log(
        `${kind} seed ${seed} vs reference (LevelDB): Remit killed at ${report.typedAtKill} typed / ` +
          `${report.acknowledgedAtKill} acknowledged lost ${report.inFlightLost} in flight; reference killed at ` +
          `${reference.offered} typed / ${reference.echoedAtKill} echoed lost ${reference.lost} ` +
          `(${reference.echoedLost} of them echoed)${worse ? " — Remit lost more" : ""}`,
      );
    }
  } finally {
    database.dispose();
    if ("disposeAsync" in database) await (database as { disposeAsync(): Promise<void> }).disposeAsync();
  }
}
process.exitCode = failed ? 1 : 0;
