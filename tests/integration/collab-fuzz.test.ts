/**
 * A small seeded version of `npm run fuzz:collab` (COLLAB-25): ~300 hostile
 * frames against the real server on SQLite while a healthy editor types.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { runCollabFuzz } from "../support/collab-fuzz";
import { givenTestServer } from "../support/given-server";

const remit = givenTestServer({ env: { COMPACT_EVERY: "20" } });

beforeAll(async () => {});

describe("collaboration fuzz", () => {
  it("COLLAB-25 300 seeded hostile frames: no death, every healthy edit delivered and stored, nothing hostile kept, no wedged room", async () => {
    const report = await runCollabFuzz(remit.server, { seed: 9, frames: 300, attackers: 2, healthyEdits: 20 });
    expect(report.framesSent).toBeGreaterThanOrEqual(300);
    expect(report.processDeaths).toBe(0);
    expect(report.roomWedged).toBe(false);
    expect(report.healthyDeliveredToWatcher).toBe(report.healthyEdits);
    expect(report.healthyDeliveredToLateJoiner).toBe(report.healthyEdits);
    expect(report.healthyStored).toBe(report.healthyEdits);
    expect(report.hostileInDocument).toEqual([]);
    expect(report.hostileInDatabase).toEqual([]);
    expect(report.pendingInDatabase).toBe(false);
  });
});
