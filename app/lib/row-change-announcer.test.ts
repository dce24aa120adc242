import { describe, expect, it } from "vitest";
import { createRowChangeAnnouncer, ROW_ANNOUNCE_INTERVAL_MS, type AnnouncerClock } from "./row-change-announcer";

function fakeClock() {
  let now = 0;
  const timers: { at: number; run: () => void }[] = [];
  const clock: AnnouncerClock = {
    now: () => now,
    setTimer: (run, ms) => {
      const timer = { at: now + ms, run };
      timers.push(timer);
      return timer;
    },
    clearTimer: (timer) => timers.splice(timers.indexOf(timer as (typeof timers)[number]), 1),
  };
  const advance = (ms: number) => {
    now += ms;
    for (const timer of [...timers].filter((x) => x.at <= now)) {
      timers.splice(timers.indexOf(timer), 1);
      timer.run();
    }
  };
  return { clock, advance };
}

describe("remote row change announcements", () => {
  it("A11Y-3 says the first change at once, then at most one summary per interval", () => {
    const said: string[] = [];
    const { clock, advance } = fakeClock();
    const announcer = createRowChangeAnnouncer((text) => said.push(text), clock);
    announcer.offer({ rowId: "r1", title: "Ransomware", fields: ["responsibility"] });
    expect(said).toEqual(["Ransomware: responsibility changed by someone else."]);
    for (let i = 0; i < 20; i++) {
      advance(100);
      announcer.offer({ rowId: "r1", title: "Ransomware", fields: ["title"] });
    }
    expect(said).toHaveLength(1);
    advance(ROW_ANNOUNCE_INTERVAL_MS);
    expect(said).toEqual(["Ransomware: responsibility changed by someone else.", "Ransomware: 20 changes by others."]);
    advance(ROW_ANNOUNCE_INTERVAL_MS * 3);
    expect(said).toHaveLength(2);
    announcer.offer({ rowId: "r1", title: "Ransomware", fields: ["deleted"] });
    expect(said[2]).toBe("Ransomware was deleted by someone else.");
  });
});
