/**
 * SIGKILL durability run (COLLAB-26), outside the default test run:
 *
 *   npm run crash:collab -- [--seeds 1,2,3] [--kills 1] [--clients 20] [--edits 100] [--postgres] [--reference]
 *                           [--trace]
 *
 * Per seed and kill point: one Remit instance as a child process on a fresh database, the clients type into their
 * own rows, the instance is killed with SIGKILL mid-storm and restarted on the same database. Prints one line per
 * run (edits offered, acknowledged, acknowledged lost, in-flight lost) and exits 1 if any acknowledged edit is lost.
 * --kills n runs n kill points spread over each seed's storm (one run's in-flight loss depends mostly on where
 * in the server's event-loop turn the kill lands) and prints each seed's totals.
 * With --reference (COLLAB-32), the same seeded storm then runs against @y/websocket-server persisting to LevelDB,
 * killed once as many edits are typed as when Remit was killed; a line compares both in-flight losses, and the
 * run also fails if, over a seed's kill points, Remit lost more in flight than the reference.
 * With --trace (COLLAB-41), a line says where Remit's unacknowledged edits were at the kill.
 */
import { parseArgs } from "node:util";
import { describeTrace, runCrashDurability } from "../tests/support/crash-durability";
import { runReferenceCrash } from "../tests/support/crash-reference";
import { createPostgresTestDatabase, createTestDatabase } from "../tests/support/test-server";

const { values } = parseArgs({
  options: {
    seeds: { type: "string", default: "1,2,3" },
    kills: { type: "string", default: "1" },
    clients: { type: "string", default: "20" },
    edits: { type: "string", default: "100" },
    postgres: { type: "boolean", default: false },
    reference: { type: "boolean", default: false },
    trace: { type: "boolean", default: false },
  },
});

const kind = values.postgres ? "postgresql" : "sqlite";
const kills = Number(values.kills);
if (!Number.isInteger(kills) || kills < 1) throw new Error("--kills must be a positive integer");
let failed = false;
const totals: string[] = [];
for (const seed of values.seeds.split(",").map(Number)) {
  let remitLost = 0;
  let referenceLost = 0;
  let worseRuns = 0;
  for (let index = 0; index < kills; index++) {
    const name = kills > 1 ? `seed ${seed} kill ${index + 1}/${kills}` : `seed ${seed}`;
    const database = values.postgres ? await createPostgresTestDatabase() : createTestDatabase();
    try {
      const report = await runCrashDurability(database, {
        seed,
        killPoint: { index, of: kills },
        clients: Number(values.clients),
        editsPerClient: Number(values.edits),
        trace: values.trace,
        log: (line) => console.error(`  ${name}: ${line}`),
      });
      console.log(
        `${kind} ${name}: ${report.offered} offered, ${report.sent} sent, ${report.acknowledged} acknowledged ` +
          `(${report.acknowledgedAtKill} at the kill, ${report.requiredAcknowledged} required), ` +
          `${report.acknowledgedLost} acknowledged lost, ${report.inFlightLost} in-flight lost, ` +
          `${report.inFlightSurvived} unacknowledged but kept`,
      );
      if (report.trace) console.log(`  at the kill: ${describeTrace(report.trace)}`);
      if (report.acknowledgedLost > 0 || report.acknowledgedAtKill < report.requiredAcknowledged) {
        failed = true;
        console.log(`  lost acknowledged edits (client:edit): ${report.lostAcknowledged.join(" ")}`);
      }
      remitLost += report.inFlightLost;
      if (values.reference) {
        const reference = await runReferenceCrash({
          seed,
          clients: Number(values.clients),
          editsPerClient: Number(values.edits),
          killAtTyped: report.typedAtKill,
          log: (line) => console.error(`  ${name}: ${line}`),
        });
        referenceLost += reference.lost;
        const worse = report.inFlightLost > reference.lost;
        if (worse) worseRuns += 1;
        console.log(
          `${kind} ${name} vs reference (LevelDB): Remit killed at ${report.typedAtKill} typed / ` +
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
  if (values.reference) {
    if (remitLost > referenceLost) failed = true;
    totals.push(
      `${kind} seed ${seed}, ${kills} kill point(s): in-flight lost Remit ${remitLost}, reference ${referenceLost}` +
        ` (Remit lost more at ${worseRuns} of them)${remitLost > referenceLost ? " — Remit lost more" : ""}`,
    );
  } else totals.push(`${kind} seed ${seed}, ${kills} kill point(s): in-flight lost ${remitLost}`);
}
for (const line of totals) console.log(line);
process.exitCode = failed ? 1 : 0;
