import { describe, expect, it } from "vitest";
import { computeConsensus, computeOrganisationConsensus, POSITION_VALUES, type PositionValue } from "./consensus";

const OPTIONS: (PositionValue | undefined)[] = [undefined, ...POSITION_VALUES];

describe("computeConsensus", () => {
  // Every combination of positions for three delegations (6^3 = 216 cases).
  for (const a of OPTIONS) {
    for (const b of OPTIONS) {
      for (const c of OPTIONS) {
        const combo = { DE: a, FR: b, PL: c };
        it(`CONSENSUS ${JSON.stringify(combo)}`, () => {
          const latest = new Map(
            Object.entries(combo).filter((entry): entry is [string, PositionValue] => entry[1] !== undefined),
          );
          const result = computeConsensus(["DE", "FR", "PL"], latest);
          const values = [a, b, c];
          const expected = values.includes("object")
            ? "blocked"
            : values.includes(undefined)
              ? "pending"
              : values.includes("reserve") || values.includes("support-ad-referendum")
                ? "consensus-with-reservations"
                : "consensus";
          expect(result.state).toBe(expected);
          expect(result.objecting).toEqual(
            Object.keys(combo).filter((k) => combo[k as keyof typeof combo] === "object"),
          );
          expect(result.pending).toEqual(
            Object.keys(combo).filter((k) => combo[k as keyof typeof combo] === undefined),
          );
        });
      }
    }
  }

  it("ignores positions of delegations that are not taking part", () => {
    expect(
      computeConsensus(
        ["DE"],
        new Map([
          ["DE", "support"],
          ["US", "object"],
        ]),
      ).state,
    ).toBe("consensus");
  });

  it("is pending when nobody takes part", () => {
    expect(computeConsensus([], new Map()).state).toBe("pending");
  });
});

describe("computeOrganisationConsensus (joint boards)", () => {
  // EU-only: Austria, Ireland; NATO-only: United States, Norway, Türkiye; both: Germany, France.
  const present = [
    { code: "AT", nato: false, eu: true },
    { code: "IE", nato: false, eu: true },
    { code: "US", nato: true, eu: false },
    { code: "NO", nato: true, eu: false },
    { code: "TR", nato: true, eu: false },
    { code: "DE", nato: true, eu: true },
    { code: "FR", nato: true, eu: true },
  ];
  const allSupport = (): Map<string, PositionValue> => new Map(present.map((d) => [d.code, "support"]));

  it("FORUM-4 an objection by Austria blocks an EU row but not a NATO row", () => {
    const latest = allSupport().set("AT", "object");
    const eu = computeOrganisationConsensus(["EU"], present, latest);
    expect(eu.overall.state).toBe("blocked");
    expect(eu.overall.objecting).toEqual(["AT"]);
    const nato = computeOrganisationConsensus(["NATO"], present, latest);
    expect(nato.overall.state).toBe("consensus");
    expect(nato.organisations[0].consensus.pending).toEqual([]);
  });

  it("FORUM-4 an objection by Türkiye blocks a NATO row but not an EU row", () => {
    const latest = allSupport().set("TR", "object");
    expect(computeOrganisationConsensus(["NATO"], present, latest).overall.state).toBe("blocked");
    expect(computeOrganisationConsensus(["EU"], present, latest).overall.state).toBe("consensus");
  });

  it("FORUM-4 a Shared row needs both organisations, each counted separately", () => {
    const latest = allSupport();
    latest.delete("US");
    latest.set("IE", "reserve");
    const shared = computeOrganisationConsensus(["NATO", "EU"], present, latest);
    expect(shared.organisations.map((o) => [o.organisation, o.consensus.state])).toEqual([
      ["NATO", "pending"],
      ["EU", "consensus-with-reservations"],
    ]);
    expect(shared.organisations[0].consensus.pending).toEqual(["US"]);
    expect(shared.overall.state).toBe("pending");
    expect(shared.overall.reserving).toEqual(["IE"]);
    latest.set("US", "support");
    expect(computeOrganisationConsensus(["NATO", "EU"], present, latest).overall.state).toBe(
      "consensus-with-reservations",
    );
  });

  it("FORUM-4 an organisation with nobody present stays pending", () => {
    const onlyEu = present.filter((d) => !d.nato);
    const result = computeOrganisationConsensus(["NATO", "EU"], onlyEu, allSupport());
    expect(result.organisations.map((o) => o.consensus.state)).toEqual(["pending", "consensus"]);
    expect(result.overall.state).toBe("pending");
  });
});
