import { describe, expect, it } from "vitest";
import { clockOffset, formatSeconds, secondsLeft } from "./floor-timer";

const since = "2026-11-28T13:00:00.000Z";
const start = Date.parse(since);

describe("the intervention timer", () => {
  it("FLOOR-4 counts the time left by the server's clock, whatever the local clock says", () => {
    const speaker = { delegationCode: "FR", delegationName: "France", since, seconds: 180 };
    // The server said 13:00:30 when the local clock read 12:50:30: this client runs 10 minutes slow.
    const offset = clockOffset(start + 30_000, start - 600_000 + 30_000);
    expect(offset).toBe(600_000);
    expect(secondsLeft(speaker, start - 600_000 + 30_000, offset)).toBe(150);
    // A client with an exact clock shows the same.
    expect(secondsLeft(speaker, start + 30_000, 0)).toBe(150);
    expect(secondsLeft(speaker, start + 179_500, 0)).toBe(1);
    expect(secondsLeft(speaker, start + 200_000, 0)).toBe(0);
    expect(secondsLeft({ ...speaker, seconds: null }, start, 0)).toBeNull();
    expect(secondsLeft(null, start, 0)).toBeNull();
    expect(formatSeconds(150)).toBe("2:30");
    expect(formatSeconds(5)).toBe("0:05");
  });
});
