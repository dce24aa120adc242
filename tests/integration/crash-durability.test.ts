/**
 * A small seeded version of `npm run crash:collab` (COLLAB-26): 8 clients typing into their own rows, the
 * instance (a child process on SQLite) killed with SIGKILL mid-storm, restarted on the same database.
 */
import { afterAll, describe, expect, it } from "vitest";
import { runCrashDurability } from "../support/crash-durability";
import { createTestDatabase } from "../support/test-server";

const database = createTestDatabase();
afterAll(() => database.dispose());

describe("crash durability", () => {
  it("COLLAB-26 SIGKILL mid-storm on SQLite: after a restart every acknowledged edit is in the document", async () => {
    const report = await runCrashDurability(database, { seed: 26, clients: 8, editsPerClient: 40 });
    console.log(
      `COLLAB-26: ${report.offered} offered, ${report.acknowledged} acknowledged, ` +
        `${report.acknowledgedLost} acknowledged lost, ${report.inFlightLost} in-flight lost`,
    );
    expect(report.acknowledged).toBeGreaterThan(0);
    expect(report.lostAcknowledged).toEqual([]);
  });
});
