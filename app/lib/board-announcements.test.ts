import { describe, expect, it } from "vitest";
import {
  connectionAnnouncement,
  connectionPhase,
  roleChangeAnnouncement,
  type ConnectionFacts,
} from "./board-announcements";

const facts = (over: Partial<ConnectionFacts>): ConnectionFacts => ({
  status: "connected",
  synced: true,
  everSynced: true,
  closeCode: null,
  ...over,
});

describe("connectionPhase", () => {
  it("is starting until the first sync, whatever the socket does", () => {
    expect(connectionPhase(facts({ everSynced: false, synced: false, status: "connecting" }))).toBe("starting");
    expect(connectionPhase(facts({ everSynced: false, synced: false, status: "reconnecting" }))).toBe("starting");
  });

  it("is up only when connected and in step again", () => {
    expect(connectionPhase(facts({}))).toBe("up");
    expect(connectionPhase(facts({ synced: false }))).toBe("down");
    expect(connectionPhase(facts({ status: "reconnecting", synced: false }))).toBe("down");
    expect(connectionPhase(facts({ status: "offline", synced: false }))).toBe("down");
  });

  it("is closed after a permanent close, even before the first sync", () => {
    expect(connectionPhase(facts({ closeCode: 4403, status: "offline" }))).toBe("closed");
    expect(connectionPhase(facts({ closeCode: 4401, everSynced: false }))).toBe("closed");
  });
});

describe("connectionAnnouncement", () => {
  it("says nothing while starting", () => {
    expect(connectionAnnouncement("starting", false, null)).toBeNull();
  });

  it("announces a loss once, and the return only after an announced loss", () => {
    expect(connectionAnnouncement("down", false, null)).toMatch(/^Connection lost\./);
    expect(connectionAnnouncement("down", true, null)).toBeNull();
    expect(connectionAnnouncement("up", true, null)).toBe("Connection restored.");
    expect(connectionAnnouncement("up", false, null)).toBeNull();
  });

  it("explains a permanent close", () => {
    expect(connectionAnnouncement("closed", false, 4403)).toMatch(/^You are no longer a member of this board\./);
    expect(connectionAnnouncement("closed", false, 4401)).toBe(
      "Your session has ended. Sign in again to keep working. The board will not reconnect by itself.",
    );
    expect(connectionAnnouncement("closed", false, 4999)).toBe("The connection was closed (4999).");
  });
});

describe("roleChangeAnnouncement", () => {
  it("names the new role, and says when it is read-only", () => {
    expect(roleChangeAnnouncement("delegate", true)).toBe("Your role on this board is now Delegate.");
    expect(roleChangeAnnouncement("observer", false)).toBe("Your role on this board is now Observer: read-only.");
  });
});
