import { describe, expect, it } from "vitest";
import { computeConsensus, POSITION_VALUES, type PositionValue } from "./consensus";

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
