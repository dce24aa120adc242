import { describe, expect, it } from "vitest";
import type { ThreatRow } from "../../core/board-doc";
import { reuseUnchangedRows } from "./stable-rows";

const row = (id: string, title = id): ThreatRow => ({
  id,
  title,
  description: "",
  notes: "",
  category: "cyber",
  responsibility: "Unassigned",
  lead: null,
  instrumentIds: ["a"],
});

describe("reuseUnchangedRows", () => {
  it("returns the previous array when nothing changed", () => {
    const previous = [row("1"), row("2")];
    expect(reuseUnchangedRows(previous, [row("1"), row("2")])).toBe(previous);
  });

  it("reuses unchanged row objects and takes changed ones", () => {
    const previous = [row("1"), row("2")];
    const next = reuseUnchangedRows(previous, [row("1"), row("2", "changed")]);
    expect(next).not.toBe(previous);
    expect(next[0]).toBe(previous[0]);
    expect(next[1].title).toBe("changed");
  });

  it("notices reordering, additions and removals", () => {
    const previous = [row("1"), row("2")];
    const reordered = reuseUnchangedRows(previous, [row("2"), row("1")]);
    expect(reordered.map((r) => r.id)).toEqual(["2", "1"]);
    expect(reordered[0]).toBe(previous[1]);
    expect(reuseUnchangedRows(previous, [row("1")])).toHaveLength(1);
    expect(reuseUnchangedRows(previous, [row("1"), row("2"), row("3")])).toHaveLength(3);
  });

  it("compares instrument lists", () => {
    const previous = [row("1")];
    const next = reuseUnchangedRows(previous, [{ ...row("1"), instrumentIds: ["a", "b"] }]);
    expect(next[0]).not.toBe(previous[0]);
  });
});
