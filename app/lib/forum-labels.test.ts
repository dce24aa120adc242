import { describe, expect, it } from "vitest";
import { runWithLocale } from "../i18n/request-locale.server";
import { describeActivity } from "./activity-sentence";
import { forumLabel, positionRefusalNote, standingLabel } from "./forum-labels";

const flags = { nato: false, eu: false, partner: false, institution: false };
const austria = { ...flags, code: "AT", name: "Austria", eu: true };
const japan = { ...flags, code: "JP", name: "Japan", partner: true };
const germany = { ...flags, code: "DE", name: "Germany", nato: true, eu: true };

describe("forum labels", () => {
  it("FORUM-3 the position form says why a delegation records no position", () => {
    expect(positionRefusalNote("nato", austria)).toMatch(/NATO forum: only Allies record positions, so Austria/);
    expect(positionRefusalNote("joint", austria)).toBeNull();
    expect(positionRefusalNote("joint", japan)).toMatch(/Japan is a partner/);
    expect(positionRefusalNote("eu", germany)).toBeNull();
  });

  it("FORUM-2 names forums and standings in English and French", () => {
    expect(forumLabel("joint")).toBe("Joint NATO–EU");
    expect(standingLabel("nato", austria)).toBe("EU member state · takes part without a position");
    expect(standingLabel("joint", germany)).toBe("NATO Ally and EU member state");
    runWithLocale("fr", () => {
      expect(forumLabel("joint")).toBe("OTAN–UE conjointe");
      expect(standingLabel("joint", japan)).toBe("Partenaire · participe sans prendre position");
    });
  });
});

describe("forum change in the activity log", () => {
  it("FORUM-2 reads as a sentence", () => {
    const sentence = describeActivity(
      {
        id: 1,
        at: "2026-11-28T10:00:00Z",
        actorName: "Claire",
        delegationCode: "FR",
        delegationName: "France",
        kind: "forum-changed",
        rowTitle: null,
        detail: { from: "joint", to: "eu" },
      },
      () => undefined,
    );
    expect(sentence).toMatch(/changed the forum from Joint NATO–EU to EU/);
  });
});
