import { describe, expect, it } from "vitest";
import type { ThreatRow } from "../../core/board-doc";
import { EMPTY_FILTER, filterRows, isFilterActive, matchesQuery } from "./row-filter";

const row = (id: string, patch: Partial<ThreatRow>): ThreatRow => ({
  id,
  title: "",
  description: "",
  notes: "",
  category: "cyber",
  responsibility: "Unassigned",
  lead: null,
  instrumentIds: [],
  ...patch,
});

const rows = [
  row("a", { title: "Ransomware on hospitals", responsibility: "EU" }),
  row("b", {
    title: "Undersea cable sabotage",
    description: "Baltic Sea incidents",
    responsibility: "Shared",
    lead: "Joint",
  }),
  row("c", { title: "Election interference", notes: "Coordinate with the Défense committee", responsibility: "NATO" }),
  row("d", { title: "GNSS jamming" }),
];

describe("filterRows", () => {
  it("returns everything with the empty filter", () => {
    expect(filterRows(rows, EMPTY_FILTER).map((r) => r.id)).toEqual(["a", "b", "c", "d"]);
    expect(isFilterActive(EMPTY_FILTER)).toBe(false);
  });

  it("filters by responsibility", () => {
    expect(filterRows(rows, { responsibility: "Shared", query: "" }).map((r) => r.id)).toEqual(["b"]);
    expect(filterRows(rows, { responsibility: "Unassigned", query: "" }).map((r) => r.id)).toEqual(["d"]);
  });

  it("matches title, description and notes, case and accent insensitively", () => {
    expect(filterRows(rows, { responsibility: "all", query: "baltic" }).map((r) => r.id)).toEqual(["b"]);
    expect(filterRows(rows, { responsibility: "all", query: "DEFENSE" }).map((r) => r.id)).toEqual(["c"]);
    expect(filterRows(rows, { responsibility: "all", query: "ransom" }).map((r) => r.id)).toEqual(["a"]);
  });

  it("requires every term and combines with responsibility", () => {
    expect(filterRows(rows, { responsibility: "all", query: "cable  sea" }).map((r) => r.id)).toEqual(["b"]);
    expect(filterRows(rows, { responsibility: "all", query: "cable hospitals" })).toEqual([]);
    expect(filterRows(rows, { responsibility: "EU", query: "cable" })).toEqual([]);
    expect(isFilterActive({ responsibility: "all", query: " x " })).toBe(true);
  });

  it("ignores blank queries", () => {
    expect(matchesQuery(rows[0], "   ")).toBe(true);
  });
});
