import { describe, expect, it } from "vitest";
import {
  boardMarkingText,
  encodeReleasability,
  isReleasableTo,
  parseReleasability,
  type Releasability,
} from "./releasability";

const FR = { code: "FR", nato: true, eu: true };
const US = { code: "US", nato: true, eu: false };
const IE = { code: "IE", nato: false, eu: true };
const JP = { code: "JP", nato: false, eu: false };
const NATO_IS = { code: "NATO-IS", nato: false, eu: false };
const EC = { code: "EC", nato: false, eu: false };

describe("releasability", () => {
  it("MARK-10 presets admit NATO Allies and/or EU member states and the organisations' own staff; named lists admit their codes", () => {
    const who = (releasability: Releasability) =>
      [FR, US, IE, JP, NATO_IS, EC].filter((d) => isReleasableTo(releasability, d)).map((d) => d.code);
    expect(who({ kind: "any" })).toEqual(["FR", "US", "IE", "JP", "NATO-IS", "EC"]);
    expect(who({ kind: "preset", preset: "nato-eu" })).toEqual(["FR", "US", "IE", "NATO-IS", "EC"]);
    expect(who({ kind: "preset", preset: "nato" })).toEqual(["FR", "US", "NATO-IS"]);
    expect(who({ kind: "preset", preset: "eu" })).toEqual(["FR", "IE", "EC"]);
    expect(who({ kind: "delegations", codes: ["JP", "FR"] })).toEqual(["FR", "JP"]);
  });

  it("MARK-10 stored as one string that reads back the same; anything unreadable admits nobody", () => {
    for (const releasability of [
      { kind: "any" },
      { kind: "preset", preset: "nato-eu" },
      { kind: "preset", preset: "eu" },
      { kind: "delegations", codes: ["DE", "FR"] },
    ] as Releasability[])
      expect(parseReleasability(encodeReleasability(releasability))).toEqual(releasability);
    expect(encodeReleasability({ kind: "delegations", codes: ["FR", "DE", "FR"] })).toBe("delegations:DE,FR");
    expect(parseReleasability(null)).toEqual({ kind: "any" });
    const garbled = parseReleasability("something-else");
    expect([FR, US, IE, JP].some((d) => isReleasableTo(garbled, d))).toBe(false);
  });

  it("MARK-7 RELEASABLE TO <list> is filled from the releasability; other markings stay as they are", () => {
    const marking = "RELEASABLE TO <list>";
    expect(boardMarkingText({ marking, releasability: "nato-eu" })).toBe("RELEASABLE TO NATO, EU");
    expect(boardMarkingText({ marking, releasability: "nato" })).toBe("RELEASABLE TO NATO");
    expect(boardMarkingText({ marking, releasability: "eu" })).toBe("RELEASABLE TO EU");
    expect(boardMarkingText({ marking, releasability: "delegations:JP,FR" })).toBe("RELEASABLE TO FR, JP");
    expect(boardMarkingText({ marking: "EU LIMITE", releasability: "nato" })).toBe("EU LIMITE");
  });
});
