import { describe, expect, it } from "vitest";
import { DELEGATION_SOURCES, DELEGATIONS } from "./delegation-list";

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

describe("delegation list: partners and sources", () => {
  it("FORUM-1 has the four Indo-Pacific partners, neither Allies nor member states", () => {
    const partners = DELEGATIONS.filter((d) => d.partner);
    expect(partners.map((d) => d.code).sort()).toEqual(["AU", "JP", "KR", "NZ"]);
    expect(partners.every((d) => !d.nato && !d.eu && !d.institution)).toBe(true);
  });

  it("FORUM-1 cites a source for every flag it sets", () => {
    expect(DELEGATION_SOURCES.nato).toMatch(/^https:\/\/www\.nato\.int\//);
    expect(DELEGATION_SOURCES.eu).toMatch(/^https:\/\/european-union\.europa\.eu\//);
    expect(DELEGATION_SOURCES.partner).toMatch(/^https:\/\/www\.nato\.int\/.*Indo-Pacific/);
    for (const delegation of DELEGATIONS) {
      const flags = (["nato", "eu", "partner", "institution"] as const).filter((flag) => delegation[flag]);
      expect(flags.length, delegation.code).toBeGreaterThan(0);
      for (const flag of flags) expect(DELEGATION_SOURCES[flag], flag).toMatch(/^https:\/\//);
    }
  });
});
