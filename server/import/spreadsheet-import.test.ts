/**
 * Issue 11 defect 5: delegates' ordinary spreadsheets import. Categories by
 * UI label (any language the app passes) or id, case-insensitively, and
 * optional; an unknown instrument name is offered as a new custom instrument;
 * a row with errors still carries its title.
 */
import { describe, expect, it } from "vitest";
import { xlsxOfRows } from "../../tests/fixtures/hostile-files";
import { LIBRARY_CONTEXT } from "../../tests/fixtures/sample-snapshot";
import { importCsv, importXlsx } from "./index";

const context = {
  ...LIBRARY_CONTEXT,
  // As the app passes them: every catalogue's labels (a French one stands in for a second language).
  categoryLabels: {
    infrastructure: ["Critical infrastructure", "Infrastructures critiques"],
    "supply-chain": ["Supply chain"],
  },
};

describe("issue 11 #5: spreadsheets as delegates write them", () => {
  it("accepts UI labels in any language and ids, case-insensitively; category is optional", () => {
    const csv =
      "Title,Category\n" +
      "A,Critical infrastructure\n" +
      "B,infrastructures CRITIQUES\n" +
      "C,SUPPLY-CHAIN\n" +
      "D,supply chain\n" +
      "E,\n";
    const result = importCsv(csv, context);
    expect(result.valid).toBe(true);
    expect(result.rows.map((row) => row.value?.category)).toEqual([
      "infrastructure",
      "infrastructure",
      "supply-chain",
      "supply-chain",
      undefined,
    ]);
  });

  it("offers an unknown instrument name as a new custom instrument (CSV and XLSX), once per name", async () => {
    const csv = "Title,Instruments\nA,Baltic cable accord; Article 5\nB,baltic cable accord\n";
    const result = importCsv(csv, context);
    expect(result.valid).toBe(true);
    expect(result.instruments).toEqual([
      {
        id: "unknown-name-1",
        name: "Baltic cable accord",
        owner: "National",
        kind: "",
        year: null,
        reference: "",
        fromName: true,
      },
    ]);
    expect(result.rows.map((row) => row.value?.instrumentIds)).toEqual([
      ["nato-art5", "unknown-name-1"],
      ["unknown-name-1"],
    ]);
    const xlsx = await importXlsx(
      xlsxOfRows([
        ["Title", "Instruments"],
        ["A", "Hybrid CoE charter"],
      ]),
      context,
    );
    expect(xlsx.instruments.map((i) => [i.name, i.fromName])).toEqual([["Hybrid CoE charter", true]]);
  });

  it("a row with errors carries its title", () => {
    const result = importCsv("Title,Responsibility\nPort sabotage,Nobody\n", context);
    expect(result.rows[0]).toMatchObject({ line: 2, title: "Port sabotage", errors: [{ column: "Responsibility" }] });
    expect(result.rows[0].value).toBeUndefined();
  });
});
