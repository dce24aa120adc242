import { describe, expect, it } from "vitest";
import type { ActivityItem } from "../../core/services";
import { describeActivity } from "./activity-sentence";

const plain = (text: string) => text.replace(/[\u2068\u2069]/g, "");
const entry = (kind: string, detail: Record<string, string | null>): ActivityItem => ({
  id: 1,
  at: "2026-11-28T13:00:00.000Z",
  actorName: "Claire Martin",
  delegationCode: "NATO-IS",
  delegationName: "NATO International Staff",
  kind,
  rowTitle: null,
  detail,
});

describe("meeting activity sentences", () => {
  it("AGENDA-4 the items taken read as sentences in the activity feed", () => {
    const say = (kind: string, detail: Record<string, string | null> = {}) =>
      plain(describeActivity(entry(kind, detail), () => undefined));
    expect(say("agenda-item-taken", { title: "Undersea cables" })).toBe(
      "Claire Martin (NATO International Staff) took up 'Undersea cables'",
    );
    expect(say("agenda-item-closed", { title: "Undersea cables" })).toBe(
      "Claire Martin (NATO International Staff) closed 'Undersea cables'",
    );
    expect(say("floor-given", { delegation: "FR", delegationName: "France" })).toBe(
      "Claire Martin (NATO International Staff) gave the floor to France",
    );
    expect(say("speaking-list-cleared")).toBe("Claire Martin (NATO International Staff) cleared the speaking list");
  });
});
