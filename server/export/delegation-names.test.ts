/** I18N-11: a French export names the delegations in French; codes and the JSON data stay as stored. */
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { exportMatrix } from "./index";
import { sampleSnapshot } from "../../tests/fixtures/sample-snapshot";
import type { MatrixSnapshot } from "../../core/matrix-snapshot";

const snapshot: MatrixSnapshot = {
  ...sampleSnapshot(),
  forum: "joint",
  membership: [
    { code: "DE", name: "Germany", standing: "nato-eu" },
    { code: "KR", name: "Republic of Korea", standing: "partner" },
    { code: "EEAS", name: "European External Action Service", standing: "institution" },
  ],
};

describe("delegation names in exports", () => {
  it("I18N-11 French CSV, Markdown and XLSX name members and positions in French, codes unchanged", async () => {
    const csv = (await exportMatrix("csv", snapshot, { locale: "fr" })).body.toString("utf8");
    expect(csv).toMatch(/#remit:member,DE,Allemagne,/);
    expect(csv).toMatch(/#remit:member,KR,République de Corée,/);
    expect(csv).toMatch(/#remit:member,EEAS,Service européen pour l'action extérieure,/);
    expect(csv).not.toContain("Germany");

    const markdown = (await exportMatrix("md", snapshot, { locale: "fr" })).body.toString("utf8");
    // The footnote of a position: the code, then the name in French (Türkiye → Turquie, Denmark → Danemark).
    expect(markdown).toContain("TR (Turquie)");
    expect(markdown).toContain("DK (Danemark)");
    expect(markdown).not.toMatch(/Türkiye|Denmark/);

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(
      (await exportMatrix("xlsx", snapshot, { locale: "fr" })).body as unknown as ExcelJS.Buffer,
    );
    const cells: string[] = [];
    workbook.eachSheet((sheet) => sheet.eachRow((row) => cells.push(row.values.toString())));
    expect(cells.join("\n")).toContain("Turquie");
    expect(cells.join("\n")).not.toMatch(/Türkiye|Germany/);
  });

  it("I18N-11 English exports and the JSON data keep the stored names, and the fingerprint does not change", async () => {
    const english = (await exportMatrix("md", snapshot, { locale: "en" })).body.toString("utf8");
    expect(english).toContain("TR (Türkiye)");
    const json = JSON.parse((await exportMatrix("json", snapshot, { locale: "fr" })).body.toString("utf8"));
    expect(json.membership[0]).toEqual({ code: "DE", name: "Germany", standing: "nato-eu" });
    const fr = await exportMatrix("csv", snapshot, { locale: "fr" });
    const en = await exportMatrix("csv", snapshot, { locale: "en" });
    expect(fr.fingerprint).toBe(en.fingerprint);
  });
});
