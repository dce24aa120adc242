/**
 * A small seeded version of `npm run crash:collab` (COLLAB-26): 8 clients typing into their own rows, the
 * instance (a child process on SQLite) killed with SIGKILL mid-storm, restarted on the same database. It runs as
 * production does, without the crash trace; COLLAB-41's run, with the trace, is the one test that switches it on.
 */
import { afterAll, describe, expect, it } from "vitest";
import { describeTrace, runCrashDurability } from "../support/crash-durability";
import { runReferenceCrash } from "../support/crash-reference";
import { createTestDatabase } from "../support/test-server";

const database = createTestDatabase();
afterAll(() => database.dispose());

describe("crash durability", () => {
  it("COLLAB-26 SIGKILL mid-storm on SQLite, as production runs (no crash trace), once ≥ 30 % of the storm is acknowledged: after a restart every acknowledged edit is in the document", async () => {
    const report = await runCrashDurability(database, {
      seed: 26,
      clients: 8,
      editsPerClient: 40,
      log: (line) => console.log(`COLLAB-26: ${line}`),
    });
    console.log(
      `COLLAB-26: ${report.offered} offered, ${report.acknowledged} acknowledged (${report.acknowledgedAtKill} at the kill), ` +
        `${report.acknowledgedLost} acknowledged lost, ${report.inFlightLost} in-flight lost`,
    );
    // The kill waited for 30 % of the 320 edits to be acknowledged, and the storm was still running.
    expect(report.requiredAcknowledged).toBe(96);
    expect(report.acknowledgedAtKill).toBeGreaterThanOrEqual(96);
    expect(report.acknowledged).toBeGreaterThanOrEqual(report.acknowledgedAtKill);
    expect(report.offered).toBeLessThan(320);
    expect(report.lostAcknowledged).toEqual([]);
    // The instance ran without the trace, which writes a file after every frame and so changes the timing.
    expect(report.trace).toBeUndefined();
  }, 600_000); // hang guard only: two instance start-ups and a storm on a loaded machine

  it("COLLAB-41 with the crash trace on, the killed instance's trace file holds the state the kill found, consistent with the clients'", async () => {
    const report = await runCrashDurability(database, {
      seed: 41,
      clients: 4,
      editsPerClient: 40,
      trace: true,
      log: (line) => console.log(`COLLAB-41: ${line}`),
    });
    expect(report.lostAcknowledged).toEqual([]);
    const trace = report.trace!;
    console.log(`COLLAB-41: ${describeTrace(trace)}`);
    // The kill waited for 30 % of the 160 edits: at least that many frames were read and acknowledged.
    expect(report.requiredAcknowledged).toBe(48);
    expect(trace.frames).toBeGreaterThan(48);
    expect(trace.read).toBeLessThanOrEqual(trace.clientSent);
    expect(trace.frames).toBeLessThanOrEqual(trace.read);
    expect(trace.clientAcknowledged).toBeLessThanOrEqual(trace.acknowledged);
  }, 600_000); // hang guard only

  it("COLLAB-32 the reference run replays the seeded storm against @y/websocket-server on LevelDB and is killed at the same point of the storm: once as many edits are typed as given", async () => {
    const report = await runReferenceCrash({
      seed: 26,
      clients: 4,
      editsPerClient: 40,
      killAtTyped: 60,
      log: (line) => console.log(`COLLAB-32: ${line}`),
    });
    console.log(
      `COLLAB-32: reference ${report.offered} typed, ${report.echoedAtKill} echoed at the kill, ${report.lost} lost`,
    );
    // Killed right after the 60th edit typed, mid-storm, whatever it had echoed by then.
    expect(report.offered).toBe(60);
    expect(report.echoedAtKill).toBeLessThanOrEqual(60);
    expect(report.sent).toBe(report.offered);
    expect(report.echoedLost).toBeLessThanOrEqual(report.lost);
    expect(report.lost).toBeLessThanOrEqual(report.offered);
  }, 600_000); // hang guard only
});
