import { describe, expect, it } from "vitest";
import { prepareExport } from "../../server/export/prepare";
import { sampleSnapshot } from "../fixtures/sample-snapshot";
import { describeChange, formatPublishedAt, snapshotFootnotes } from "../../app/lib/version-labels";

describe("version labels", () => {
  it("numbers footnotes exactly as the exports do", () => {
    const snapshot = sampleSnapshot({ rows: 40 });
    const page = snapshotFootnotes(snapshot).map((note) => [note.number, note.rowId, note.position.delegation]);
    const exported = prepareExport(snapshot).footnotes.map((note) => [
      note.number,
      note.rowId,
      note.position.delegation,
    ]);
    expect(page.length).toBeGreaterThan(0);
    expect(page).toEqual(exported);
  });

  it("describes changes in words", () => {
    const base = { rowId: "r1", rowTitle: "Disinformation" };
    expect(describeChange({ kind: "responsibility-changed", ...base, from: "EU", to: "Shared" }, (id) => id)).toBe(
      "“Disinformation”: responsibility EU → Shared",
    );
    expect(describeChange({ kind: "lead-changed", ...base, from: null, to: "Joint" }, (id) => id)).toBe(
      "“Disinformation”: lead nothing → Joint lead",
    );
    expect(
      describeChange(
        { kind: "position-changed", ...base, delegation: "DK", from: "support", to: "object" },
        (id) => id,
      ),
    ).toBe("“Disinformation”: DK Support → Object");
    expect(describeChange({ kind: "instrument-linked", ...base, instrumentId: "i1" }, () => "NIS2")).toBe(
      "“Disinformation”: NIS2 linked",
    );
  });

  it("prints publication times in UTC", () => {
    expect(formatPublishedAt("2025-03-05T16:30:00.000Z")).toMatch(/2025.*16:30 UTC$/);
  });
});
