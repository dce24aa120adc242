import { describe, expect, it } from "vitest";
import { isConsensusAction, OwnActionEcho } from "./own-action-echo";

describe("OwnActionEcho", () => {
  it("CONSENSUS-UI-1 an event during our own submission is answered by the revalidation, not a second load", () => {
    const echo = new OwnActionEcho<{ v: number }>();
    const before = { v: 1 };
    expect(echo.onEvent(true, before)).toBe(false);
    // The revalidation after the action brought fresh data: nothing more to load.
    expect(echo.onSettled({ v: 2 })).toBe(false);
  });

  it("CONSENSUS-UI-1 a held event is reloaded when no fresh data came back", () => {
    const echo = new OwnActionEcho<{ v: number }>();
    const before = { v: 1 };
    expect(echo.onEvent(true, before)).toBe(false);
    expect(echo.onEvent(true, before)).toBe(false);
    expect(echo.onSettled(before)).toBe(true);
    // Settled once: the next settle has nothing held.
    expect(echo.onSettled(before)).toBe(false);
  });

  it("CONSENSUS-UI-1 events outside our own submission reload at once", () => {
    const echo = new OwnActionEcho<{ v: number }>();
    expect(echo.onEvent(false, null)).toBe(true);
    expect(echo.onSettled(null)).toBe(false);
  });

  it("CONSENSUS-UI-2 only the consensus route's actions skip the board page's reload", () => {
    expect(isConsensusAction("/boards/b1/consensus")).toBe(true);
    expect(isConsensusAction("/boards/b1")).toBe(false);
    expect(isConsensusAction("/boards/b1/members")).toBe(false);
    expect(isConsensusAction("/boards/b1/consensus/x")).toBe(false);
    expect(isConsensusAction(undefined)).toBe(false);
  });
});
