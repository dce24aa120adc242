import { describe, expect, it } from "vitest";
import { organisationsForRow, positionRefusal, standingOf } from "./forums";

const flags = { nato: false, eu: false, partner: false, institution: false };
const GERMANY = { ...flags, nato: true, eu: true };
const AUSTRIA = { ...flags, eu: true };
const NORWAY = { ...flags, nato: true };
const JAPAN = { ...flags, partner: true };
const EEAS = { ...flags, institution: true };

describe("forums", () => {
  it("FORUM-3 a NATO board takes positions from Allies, an EU board from member states, a joint board from both", () => {
    expect(positionRefusal("nato", GERMANY)).toBeNull();
    expect(positionRefusal("nato", NORWAY)).toBeNull();
    expect(positionRefusal("nato", AUSTRIA)).toBe("outside-forum");
    expect(positionRefusal("eu", AUSTRIA)).toBeNull();
    expect(positionRefusal("eu", NORWAY)).toBe("outside-forum");
    for (const delegation of [GERMANY, AUSTRIA, NORWAY]) expect(positionRefusal("joint", delegation)).toBeNull();
  });

  it("FORUM-3 partners and institutions take part but never record positions, whatever the forum", () => {
    for (const forum of ["nato", "eu", "joint"] as const) {
      expect(positionRefusal(forum, JAPAN)).toBe("partner");
      expect(positionRefusal(forum, EEAS)).toBe("institution");
    }
  });

  it("FORUM-4 a joint board's row needs the organisation it is assigned to; Shared and Unassigned need both", () => {
    expect(organisationsForRow("joint", "NATO")).toEqual(["NATO"]);
    expect(organisationsForRow("joint", "EU")).toEqual(["EU"]);
    expect(organisationsForRow("joint", "Shared")).toEqual(["NATO", "EU"]);
    expect(organisationsForRow("joint", "Unassigned")).toEqual(["NATO", "EU"]);
    expect(organisationsForRow("joint", null)).toEqual(["NATO", "EU"]);
    expect(organisationsForRow("nato", "EU")).toEqual(["NATO"]);
    expect(organisationsForRow("eu", "Shared")).toEqual(["EU"]);
  });

  it("names each delegation's standing", () => {
    expect([GERMANY, NORWAY, AUSTRIA, JAPAN, EEAS].map(standingOf)).toEqual([
      "nato-eu",
      "nato",
      "eu",
      "partner",
      "institution",
    ]);
  });
});
