import { describe, expect, it } from "vitest";
import type { ThreatRow } from "../../core/board-doc";
import { rowContentHash } from "./row-content";

const row: ThreatRow = {
  id: "row-1",
  title: "Cable cut",
  description: "Subsea cables",
  notes: "",
  category: "infrastructure",
  responsibility: "Shared",
  lead: "NATO",
  instrumentIds: ["a", "b"],
} as ThreatRow;

describe("row text fingerprint", () => {
  it("CONSENSUS-20 changes with title, description, responsibility, lead or instruments; not with notes, category or order", () => {
    const base = rowContentHash(row);
    for (const change of [
      { title: "Cable cut!" },
      { description: "Subsea cables and pipelines" },
      { responsibility: "EU", lead: null },
      { lead: "EU" },
      { instrumentIds: ["a"] },
    ] as Partial<ThreatRow>[])
      expect([change, rowContentHash({ ...row, ...change })]).not.toEqual([change, base]);
    expect(rowContentHash({ ...row, notes: "call Paris" })).toBe(base);
    expect(rowContentHash({ ...row, category: "cyber" })).toBe(base);
    expect(rowContentHash({ ...row, instrumentIds: ["b", "a"] })).toBe(base);
  });
});
