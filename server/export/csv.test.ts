import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { importCsv } from "../import/csv";
import { exportCsv, renderCsv } from "./csv";
import { fingerprintSnapshot } from "./fingerprint";
import { neutraliseCell } from "./neutralise";
import { MATRIX_COLUMNS, instrumentsCell, positionsSummary, reservationsCell, CATEGORY_LABELS } from "./present";
import { INJECTION_PAYLOADS, LIBRARY_CONTEXT, rowInputOf, trickySnapshot } from "../../tests/fixtures/sample-snapshot";

const FORMULA_START = /^[=+\-@\t\r]/;

describe("CSV export", () => {
  const snapshot = trickySnapshot();
  const file = exportCsv(snapshot);
  const records: string[][] = parse(file.body, { bom: true });

  it("is UTF-8 with a BOM, CRLF records and a rectangular table", () => {
    expect([...file.body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(file.body.toString("utf8")).toContain(`${MATRIX_COLUMNS.join(",")}\r\n`);
    expect(file.body.toString("utf8").endsWith("\r\n")).toBe(true);
    expect(new Set(records.map((r) => r.length))).toEqual(new Set([MATRIX_COLUMNS.length]));
  });

  it("reads back with csv-parse to the board's cells, commas, quotes, newlines and accents included", () => {
    // Line 1 is the marking (MARK-5), line 2 the header.
    expect(records[0].slice(0, 2)).toEqual(["#remit:marking", "PUBLIC"]);
    expect(records[1]).toEqual([...MATRIX_COLUMNS]);
    const instruments = new Map(snapshot.instruments.map((i) => [i.id, i]));
    const body = records.slice(2, 2 + snapshot.rows.length);
    snapshot.rows.forEach((row, i) => {
      const title = row.title.startsWith("#remit:") ? "'" + row.title : row.title;
      expect(body[i]).toEqual(
        [
          title,
          CATEGORY_LABELS[row.category],
          row.responsibility,
          row.lead ?? "",
          instrumentsCell(row, instruments),
          row.notes,
          row.description,
          row.workflowState,
          positionsSummary(row),
          reservationsCell(row),
        ].map(neutraliseCell),
      );
    });
    expect(body[0][0]).toBe('Port of Łódź, "north" gate');
    expect(body[0][5]).toBe('Ørsted said "no"; Şahin agreed\r\nCRLF kept');
    expect(body[0][9]).toContain('TR (Reserve): Şahin: "needs, review"\nsecond line');
  });

  it("neutralises every formula payload", () => {
    for (const record of records) for (const cell of record) expect(cell).not.toMatch(FORMULA_START);
    const notes = records.slice(2).map((r) => r[5]);
    for (const payload of INJECTION_PAYLOADS) expect(notes).toContain("'" + payload);
  });

  it("ends with the fingerprint and marks a live board DRAFT under the header", () => {
    expect(records.at(-1)!.slice(0, 3)).toEqual(["#remit:fingerprint", "sha256", fingerprintSnapshot(snapshot)]);
    expect(records[2][0]).not.toBe("#remit:draft");
    const draft: string[][] = parse(renderCsv(trickySnapshot({ live: true })).text, { bom: true });
    expect(draft[2][0]).toBe("#remit:draft");
    expect(draft.find((r) => r[0] === "#remit:version")![1]).toBe("DRAFT");
  });

  it("imports back to the same rows, custom instrument included", () => {
    const result = importCsv(file.body, LIBRARY_CONTEXT);
    expect(result.errors).toEqual([]);
    expect(result.valid).toBe(true);
    expect(result.rows.map((r) => r.value)).toEqual(snapshot.rows.map(rowInputOf));
    expect(result.instruments.map((i) => i.id)).toEqual(["custom-pl-1"]);
    expect(result.instruments[0].name).toBe("Krajowy plan; Łódź");
  });
});
