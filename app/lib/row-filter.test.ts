import { describe, expect, it } from "vitest";
import type { ThreatRow } from "../../core/board-doc";
import { getRowText } from "../../core/board-doc";
import { givenRowStore } from "../../tests/support/row-store-board";
import { EMPTY_FILTER, filteredIdsReader, filterRows, isFilterActive, matchesQuery, searchTextOf } from "./row-filter";

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

describe("filter result derived from cached rows (GRID-13)", () => {
  it("GRID-13 a row's search text is normalised once per row object, not once per filter change", () => {
    let reads = 0;
    const searchable = {
      get title() {
        reads += 1;
        return "Sécurité des câbles";
      },
      description: "",
      notes: "",
    };
    expect(searchTextOf(searchable)).toContain("securite des cables");
    expect(matchesQuery(searchable, "cables")).toBe(true);
    expect(matchesQuery(searchable, "securite")).toBe(true);
    expect(reads).toBe(1);
  });

  it("GRID-13 the filtered ids are derived once per change of rows or filter, and kept while the result is the same", () => {
    const { doc, ids, store } = givenRowStore(4);
    const read = filteredIdsReader();
    const filter = { responsibility: "all" as const, query: "threat 1" };
    const first = read(store.getAll(), filter);
    expect(first).toEqual([ids[1]]);
    // Read again (React reads a snapshot several times per render), or with an equal filter object: same array.
    expect(read(store.getAll(), filter)).toBe(first);
    expect(read(store.getAll(), { ...filter })).toBe(first);
    // Typing in a shown row (still shown) and in a hidden one: the same array, so the grid does not re-render.
    getRowText(doc, ids[1], "title")!.insert(0, "x");
    getRowText(doc, ids[2], "notes")!.insert(0, "note");
    expect(read(store.getAll(), filter)).toBe(first);
    // Only the rows edited since were read again from the document; the others are the same objects.
    const all = store.getAll();
    expect(all[0]).toBe(store.getRow(ids[0]));
    // A change that brings a row in, and a new filter: a new result.
    getRowText(doc, ids[3], "notes")!.insert(0, "threat 1 too");
    expect(read(store.getAll(), filter)).toEqual([ids[1], ids[3]]);
    expect(read(store.getAll(), { ...filter, query: "threat 0" })).toEqual([ids[0]]);
  });
});
