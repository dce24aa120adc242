import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { exportCsv } from "../export/csv";
import { exportJson } from "../export/json";
import { exportXlsx } from "../export/xlsx";
import { LIBRARY_CONTEXT, sampleSnapshot } from "../../tests/fixtures/sample-snapshot";
import { detectImportFormat, importCsv, importJson, importMatrixFile, importXlsx, MAX_IMPORT_ROWS } from "./index";
import { parseInstrumentCell } from "./instruments";
import { inflateAll, listZipEntries } from "./zip-reader";
import { messageRef } from "../../core/message-ref";

const HEADER = "Title,Category,Responsibility,Lead,Instruments,Notes,Description\r\n";

describe("import: errors", () => {
  it("reports row, column and reason for each bad cell, and valid:false", () => {
    const csv =
      HEADER +
      "Good row,cyber,NATO,,Article 5,,\r\n" +
      ',cyber,NATO,,,"multi\r\nline note",\r\n' +
      "Bad enums,cyberz,Nato-ish,,,,\r\n" +
      "Lead without Shared,hybrid,EU,Joint,,,\r\n" +
      "Unknown instrument,data,Shared,EU,Treaty of Nowhere; nato-art5; Ghost [ghost-1],,\r\n" +
      `${"x".repeat(301)},data,,,,,\r\n`;
    const result = importCsv(csv, LIBRARY_CONTEXT);
    expect(result.valid).toBe(false);
    expect(result.errors).toEqual([]);
    expect(result.rows[0]).toEqual({
      line: 2,
      errors: [],
      value: {
        title: "Good row",
        category: "cyber",
        responsibility: "NATO",
        lead: null,
        notes: "",
        description: "",
        instrumentIds: ["nato-art5"],
      },
    });
    expect(
      result.rows.slice(1).map((r) => [r.line, r.value, r.errors.map((e) => [e.row, e.column, e.message])]),
    ).toEqual([
      [3, undefined, [[3, "Title", messageRef("importErrors.titleRequired")]]],
      [
        5,
        undefined,
        [
          [
            5,
            "Category",
            messageRef("importErrors.unknownCategory", {
              value: "cyberz",
              expected:
                "Cyber (cyber), Hybrid (hybrid), Critical infrastructure (infrastructure), Supply chain (supply-chain), Information manipulation (information), Data protection (data)",
            }),
          ],
          [
            5,
            "Responsibility",
            messageRef("importErrors.unknownResponsibility", {
              value: "Nato-ish",
              expected: "NATO, EU, Shared, Unassigned",
            }),
          ],
        ],
      ],
      [6, undefined, [[6, "Lead", messageRef("importErrors.leadNeedsShared", { responsibility: "EU" })]]],
      [
        7,
        undefined,
        // "Treaty of Nowhere" (a plain name) is offered as a new custom instrument; a bracketed id must exist.
        [
          [
            7,
            "Instruments",
            messageRef("importErrors.unknownInstrumentId", { label: "Ghost [ghost-1]", id: "ghost-1" }),
          ],
        ],
      ],
      [8, undefined, [[8, "Title", messageRef("importErrors.titleTooLong", { length: 301, max: 300 })]]],
    ]);
  });

  it("accepts hand-made sheets: case-insensitive enums, ';' separator, names, extra columns (warned)", () => {
    const csv =
      "title;CATEGORY;responsibility;lead;instruments;Owner\nPort;Supply-Chain;shared;;NIS2 Directive; Article 5;me\n";
    const result = importCsv(csv, LIBRARY_CONTEXT);
    expect(result.valid).toBe(true);
    expect(result.rows[0].value).toEqual({
      title: "Port",
      category: "supply-chain",
      responsibility: "Shared",
      notes: "",
      description: "",
      instrumentIds: ["eu-nis2"],
    });
    expect(result.warnings).toEqual([messageRef("importErrors.unknownColumns", { columns: "Owner" })]);
  });

  it("strips the formula neutralisation only where it was added", () => {
    const csv = HEADER + "'=SUM(A1),cyber,NATO,,,'-1,'plain\r\n";
    expect(importCsv(csv, LIBRARY_CONTEXT).rows[0].value).toMatchObject({
      title: "=SUM(A1)",
      notes: "-1",
      description: "'plain",
    });
  });

  it("refuses files over the size and row limits, non-UTF-8 text and a missing Title column", () => {
    const big = Buffer.alloc(5 * 1024 * 1024 + 1, 0x61);
    expect(importCsv(big, LIBRARY_CONTEXT)).toMatchObject({
      limit: { name: "bytes", status: 413 },
      errors: [{ message: messageRef("importErrors.bytes", { size: 5 }) }],
    });
    const many = HEADER + "t,cyber,,,,,\r\n".repeat(MAX_IMPORT_ROWS + 1);
    expect(importCsv(many, LIBRARY_CONTEXT)).toMatchObject({
      valid: false,
      rows: [],
      limit: { name: "rows", status: 413 },
      errors: [{ row: 0, message: messageRef("importErrors.rowsFound", { max: 5000, found: 5001 }) }],
    });
    expect(
      importCsv(Buffer.from([0x54, 0x69, 0x74, 0x6c, 0x65, 0x0a, 0xc5, 0x0a]), LIBRARY_CONTEXT).errors[0].message,
    ).toBe(messageRef("importErrors.notUtf8"));
    expect(importCsv("Name,Category\nx,cyber\n", LIBRARY_CONTEXT).errors[0]).toMatchObject({
      row: 1,
      column: "(header)",
      message: expect.stringMatching(/^importErrors\.noTitleColumn\?/),
    });
    expect(importCsv(HEADER, LIBRARY_CONTEXT).errors[0].message).toBe(messageRef("importErrors.noThreats"));
  });

  it("reports a bad JSON row by index and field", () => {
    const document = JSON.parse(exportJson(sampleSnapshot({ rows: 2 })).body.toString("utf8"));
    document.rows[1].category = 7;
    document.rows[1].instrumentIds = ["nope"];
    const result = importJson(JSON.stringify(document), LIBRARY_CONTEXT);
    expect(result.valid).toBe(false);
    expect(result.rows[1].errors).toEqual([
      {
        row: 2,
        column: "category",
        message: messageRef("importErrors.wrongType", { expected: messageRef("importErrors.typeString") }),
      },
    ]);
    delete document.rows[1].title;
    expect(importJson(JSON.stringify(document), LIBRARY_CONTEXT).rows[1].errors[0]).toEqual({
      row: 2,
      column: "title",
      message: messageRef("importErrors.required"),
    });
    expect(importJson('{"format":"other"}', LIBRARY_CONTEXT).errors[0]).toMatchObject({ row: 0, column: "format" });
    expect(importJson("{not json", LIBRARY_CONTEXT).errors[0].message).toBe(
      messageRef("importErrors.notJsonAt", { position: 1 }),
    );
    expect(importCsv(HEADER + '"open quote,cyber\r\n', LIBRARY_CONTEXT).errors[0].message).toMatch(
      /^importErrors\.notCsv\?line=\d+$/,
    );
  });

  it("reports XLSX errors by sheet row", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Matrix");
    sheet.addRow(["Title", "Category", "Responsibility"]);
    sheet.addRow(["Fine", "cyber", "EU"]);
    sheet.addRow(["Broken", "weather", "EU"]);
    const result = await importXlsx(Buffer.from(await workbook.xlsx.writeBuffer()), LIBRARY_CONTEXT);
    expect(result.valid).toBe(false);
    expect(result.rows[1].errors).toEqual([
      { row: 3, column: "Category", message: expect.stringMatching(/^importErrors\.unknownCategory\?value=weather&/) },
    ]);
    const notZip = await importXlsx(Buffer.from("PK\u0003\u0004 garbage"), LIBRARY_CONTEXT);
    expect(notZip.errors[0].message).toMatch(/^importErrors\.(notZip|zipDamaged|zipEntryDamaged|notXlsx)/);
  });
});

describe("import: formats", () => {
  it("detects the format from the content", async () => {
    const snapshot = sampleSnapshot({ rows: 3 });
    const files = [exportCsv(snapshot), exportJson(snapshot), await exportXlsx(snapshot)];
    expect(files.map((f) => detectImportFormat(f.body))).toEqual(["csv", "json", "xlsx"]);
    for (const file of files) expect((await importMatrixFile(file.body, LIBRARY_CONTEXT)).valid).toBe(true);
  });

  it("splits instrument cells only after ']' so names may contain ';'", () => {
    expect(parseInstrumentCell("Krajowy plan; Łódź [custom-pl-1]; NIS2 Directive [eu-nis2]")).toEqual([
      { label: "Krajowy plan; Łódź [custom-pl-1]", id: "custom-pl-1", name: "Krajowy plan; Łódź" },
      { label: "NIS2 Directive [eu-nis2]", id: "eu-nis2", name: "NIS2 Directive" },
    ]);
    expect(parseInstrumentCell(" Article 5 ;eu-cra;")).toEqual([{ label: "Article 5" }, { label: "eu-cra" }]);
  });

  it("inflates an XLSX's entries within a budget counted as inflated", async () => {
    const file = await exportXlsx(sampleSnapshot({ rows: 3 }));
    const all = inflateAll(file.body, 50 * 1024 * 1024);
    expect("files" in all && all.files.has("xl/workbook.xml")).toBe(true);
    expect("files" in all && all.inflatedBytes).toBeGreaterThan(file.body.length);
    expect(inflateAll(file.body, 1000)).toEqual({ overLimit: true });
    expect(listZipEntries(Buffer.from("not a zip at all, long enough to scan"))).toEqual({
      error: messageRef("importErrors.notZip"),
    });
  });
});
