import { describe, expect, it } from "vitest";
import { countBracketed, responsibilityText, rowBracketText, titleText } from "./bracket-text";
import { diffSnapshots } from "./matrix-diff";
import { sampleRow, sampleSnapshot } from "../tests/fixtures/sample-snapshot";
import type { SnapshotRow } from "./matrix-snapshot";

const bracketed: SnapshotRow = {
  ...sampleRow(0), // NATO
  brackets: [
    {
      field: "responsibility",
      alternatives: [{ value: { field: "responsibility", responsibility: "Shared", lead: "EU" }, sponsors: ["DE"] }],
    },
  ],
};

describe("bracket text", () => {
  it("BRACKET-9 a bracketed cell reads [current] [alternative]; others read as before", () => {
    expect(responsibilityText(bracketed)).toBe("[NATO] [Shared, EU lead]");
    expect(titleText(bracketed)).toBe(bracketed.title);
    expect(rowBracketText(bracketed, "title")).toBeNull();
    expect(
      rowBracketText(bracketed, "responsibility", {
        responsibility: (value) => (value === "Shared" ? "Partagée" : value),
        lead: (value) => `Chef de file ${value}`,
        listSeparator: "\u00a0; ",
      }),
    ).toBe("[NATO] [Partagée, Chef de file EU]");
    expect(countBracketed([bracketed, sampleRow(1), bracketed])).toBe(2);
  });

  it("BRACKET-9 the diff reports brackets opened and resolved", () => {
    const before = { ...sampleSnapshot({ rows: 0 }), rows: [sampleRow(0)] };
    const during = { ...before, rows: [bracketed] };
    const after = { ...before, rows: [{ ...sampleRow(0), responsibility: "Shared" as const, lead: "EU" as const }] };
    expect(diffSnapshots(before, during)).toEqual([
      expect.objectContaining({ kind: "brackets-changed", from: null, to: "[NATO] [Shared, EU lead]" }),
    ]);
    expect(diffSnapshots(during, after).map((change) => [change.kind, change.from, change.to])).toEqual([
      ["responsibility-changed", "NATO", "Shared"],
      ["lead-changed", null, "EU"],
      ["brackets-changed", "[NATO] [Shared, EU lead]", null],
    ]);
  });
});
