/**
 * Issue 10 §1: limits enforced while reading, before the work, each refusal
 * naming its limit. Fixtures are generated small-but-over-limit (the full-size
 * files of the issue are measured by `npx tsx bench/hostile-files.ts`).
 */
import { describe, expect, it } from "vitest";
import { csvOfRows, deepJson, lyingZipXlsx, xlsxOfOneCellRows, xlsxOfRows } from "../../tests/fixtures/hostile-files";
import { LIBRARY_CONTEXT } from "../../tests/fixtures/sample-snapshot";
import { importCsv, importJson, importXlsx } from "./index";
import { MAX_FIELD_CHARS, MAX_IMPORT_CELLS, MAX_IMPORT_ROWS, MAX_JSON_DEPTH, MAX_XLSX_UNPACKED_BYTES } from "./limits";
import { MAX_SHEET_ROWS } from "./xlsx-scan";
import { messageRef } from "../../core/message-ref";

describe("import limits (HARDEN-41…44)", () => {
  it("HARDEN-41 an XLSX of 40,000 one-cell rows (0.2 MiB) is refused 413 'rows' from the zip, before exceljs reads it", async () => {
    const file = xlsxOfOneCellRows(40_000);
    expect(file.length).toBeLessThan(400 * 1024);
    const started = performance.now();
    const result = await importXlsx(file, LIBRARY_CONTEXT);
    expect(result).toMatchObject({ valid: false, rows: [], limit: { name: "rows", status: 413, max: MAX_SHEET_ROWS } });
    expect(result.errors[0].message).toBe(messageRef("importErrors.rowsFound", { max: 6000, found: 40001 }));
    // Not a timing assertion on the machine: the quadratic reader took minutes; this is a sanity bound.
    expect(performance.now() - started).toBeLessThan(10_000);
  });

  it("HARDEN-41 a sheet just within the row limit is still read (no quadratic columnCount per row)", async () => {
    const rows = [["Title", "Category"], ...Array.from({ length: MAX_IMPORT_ROWS }, (_, i) => [`t${i}`, "cyber"])];
    const result = await importXlsx(xlsxOfRows(rows), LIBRARY_CONTEXT);
    expect(result.valid).toBe(true);
    expect(result.rows).toHaveLength(MAX_IMPORT_ROWS);
  });

  it("HARDEN-42 a zip whose headers declare 1 KiB but that inflates past the limit is refused 413 'inflated-bytes'", async () => {
    const file = lyingZipXlsx(MAX_XLSX_UNPACKED_BYTES + 1024 * 1024);
    expect(file.length).toBeLessThan(MAX_XLSX_UNPACKED_BYTES / 100);
    const result = await importXlsx(file, LIBRARY_CONTEXT);
    expect(result).toMatchObject({ limit: { name: "inflated-bytes", status: 413 } });
    expect(result.errors[0].message).toBe(messageRef("importErrors.inflatedBytes", { size: 50 }));
  });

  it("HARDEN-42 one XLSX text longer than the field limit is refused 422 'field-length'", async () => {
    const result = await importXlsx(xlsxOfRows([["Title"], ["x".repeat(MAX_FIELD_CHARS + 1)]]), LIBRARY_CONTEXT);
    expect(result).toMatchObject({ limit: { name: "field-length", status: 422 } });
  });

  it("HARDEN-43 a CSV of many rows is refused 413 'rows' after reading at most the limit's records", () => {
    const result = importCsv(csvOfRows(50_000), LIBRARY_CONTEXT);
    expect(result).toMatchObject({ valid: false, rows: [], limit: { name: "rows", status: 413 } });
    expect(result.errors[0].message).toBe(messageRef("importErrors.rows", { max: 6000 }));
  });

  it("HARDEN-43 a CSV of wide records is refused 413 'cells'; a huge field 422 'field-length'", () => {
    const wide = "Title" + ",x".repeat(99) + "\n" + ("t" + ",x".repeat(99) + "\n").repeat(MAX_IMPORT_CELLS / 100 + 1);
    expect(importCsv(wide, LIBRARY_CONTEXT)).toMatchObject({ limit: { name: "cells", status: 413 } });
    const long = `Title\n"${"y".repeat(MAX_FIELD_CHARS + 1)}"\n`;
    expect(importCsv(long, LIBRARY_CONTEXT)).toMatchObject({ limit: { name: "field-length", status: 422 } });
  });

  it("HARDEN-44 deeply nested JSON is refused 422 'depth' before JSON.parse; a huge string 422 'field-length'", () => {
    const result = importJson(deepJson(200_000), LIBRARY_CONTEXT);
    expect(result).toMatchObject({ limit: { name: "depth", status: 422, max: MAX_JSON_DEPTH } });
    expect(result.errors[0].message).toBe(messageRef("importErrors.depth", { max: 32 }));
    const long = JSON.stringify({ format: "remit-matrix", rows: [{ title: "z".repeat(MAX_FIELD_CHARS + 1) }] });
    expect(importJson(long, LIBRARY_CONTEXT)).toMatchObject({ limit: { name: "field-length" } });
  });
});
