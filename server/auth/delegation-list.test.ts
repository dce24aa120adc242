import { describe, expect, it } from "vitest";
import { DELEGATIONS } from "./delegation-list";

describe("delegation list", () => {
  it("has the 32 NATO Allies and the 27 EU member states, each country once", () => {
    expect(DELEGATIONS.filter((d) => d.nato)).toHaveLength(32);
    expect(DELEGATIONS.filter((d) => d.eu)).toHaveLength(27);
    expect(DELEGATIONS.filter((d) => d.nato && d.eu)).toHaveLength(23);
    expect(new Set(DELEGATIONS.map((d) => d.code)).size).toBe(DELEGATIONS.length);
  });

  it("has five institutions without memberships", () => {
    const institutions = DELEGATIONS.filter((d) => d.institution);
    expect(institutions.map((d) => d.code).sort()).toEqual(["EC", "EEAS", "GSC", "NATO-IMS", "NATO-IS"]);
    expect(institutions.every((d) => !d.nato && !d.eu)).toBe(true);
  });
});
