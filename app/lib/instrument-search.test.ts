import { describe, expect, it } from "vitest";
import type { InstrumentInfo } from "../../core/services";
import { searchInstruments } from "./instrument-search";

const instrument = (id: string, patch: Partial<InstrumentInfo>): InstrumentInfo => ({
  id,
  name: id,
  owner: "NATO",
  kind: "Treaty article",
  year: null,
  reference: "",
  summary: "",
  custom: false,
  ...patch,
});

const all = [
  instrument("art5", { name: "Article 5", reference: "North Atlantic Treaty, Art. 5", year: 1949 }),
  instrument("nis2", {
    name: "NIS2 Directive",
    owner: "EU",
    kind: "Directive",
    reference: "(EU) 2022/2555",
    year: 2022,
  }),
  instrument("cer", { name: "Critical Entities Resilience Directive", owner: "EU", kind: "Directive", year: 2022 }),
  instrument("decl", { name: "Déclaration conjointe", owner: "Joint", kind: "Declaration" }),
];

describe("searchInstruments", () => {
  it("lists everything not linked when the query is empty", () => {
    expect(searchInstruments(all, "", ["nis2"]).map((i) => i.id)).toEqual(["art5", "cer", "decl"]);
  });

  it("matches name, kind, reference, owner and year, every term", () => {
    expect(searchInstruments(all, "directive 2022", []).map((i) => i.id)).toEqual(["nis2", "cer"]);
    expect(searchInstruments(all, "2555", []).map((i) => i.id)).toEqual(["nis2"]);
    expect(searchInstruments(all, "nato 1949", []).map((i) => i.id)).toEqual(["art5"]);
    expect(searchInstruments(all, "declaration conjointe", []).map((i) => i.id)).toEqual(["decl"]);
  });

  it("stops at the limit", () => {
    expect(searchInstruments(all, "", [], 2)).toHaveLength(2);
  });
});
