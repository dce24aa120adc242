import { describe, expect, it } from "vitest";
import { rowsToApply, instrumentsNeeded, type ImportPreview } from "../../core/import-contract";
import { messageRef } from "../../core/message-ref";
import { DiffQuerySchema, ExportQuerySchema, diffHref, exportHref } from "./version-forms";

describe("version forms", () => {
  it("parses sources: live or a positive version number", () => {
    expect(DiffQuerySchema.parse({ from: "3" })).toEqual({ from: 3, to: "live" });
    expect(DiffQuerySchema.parse({ from: "live", to: "12" })).toEqual({ from: "live", to: 12 });
    for (const from of ["0", "-1", "01", "1.5", "abc", ""])
      expect(DiffQuerySchema.safeParse({ from }).success, from).toBe(false);
    expect(ExportQuerySchema.parse({ format: "pdf" })).toEqual({ format: "pdf", version: "live", rows: "all" });
    expect(ExportQuerySchema.safeParse({ format: "docx" }).success).toBe(false);
  });

  it("builds links", () => {
    expect(exportHref("b1", "csv", "live", "agreed")).toBe("/boards/b1/export?format=csv&version=live&rows=agreed");
    expect(exportHref("b1", "pdf", 2)).toBe("/boards/b1/export?format=pdf&version=2");
    expect(diffHref("b1", 1, "live", true)).toBe("/boards/b1/diff.json?from=1&to=live");
  });
});

describe("import contract", () => {
  const preview: ImportPreview = {
    fileName: "f.json",
    format: "json",
    valid: false,
    errors: [],
    warnings: [],
    rows: [
      { line: 1, value: { title: "A", instrumentIds: ["file-x", "lib-1"] }, errors: [] },
      { line: 2, errors: [{ row: 2, column: "responsibility", message: messageRef("importErrors.invalidValue") }] },
      { line: 3, value: { title: "C" }, errors: [] },
    ],
    newInstruments: [
      { id: "file-x", name: "X", owner: "National", kind: "", year: null, reference: "" },
      { id: "file-unused", name: "U", owner: "EU", kind: "", year: null, reference: "" },
    ],
  };

  it("applies only valid rows and remaps the file's instrument ids", () => {
    expect(rowsToApply(preview, { "file-x": "new-x" })).toEqual([
      { title: "A", instrumentIds: ["new-x", "lib-1"] },
      { title: "C", instrumentIds: [] },
    ]);
  });

  it("creates only the custom instruments the imported rows link", () => {
    expect(instrumentsNeeded(preview, rowsToApply(preview)).map((i) => i.id)).toEqual(["file-x"]);
  });
});
