import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import ExcelJS from "exceljs";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { describe, expect, it } from "vitest";
import { exportMatrix } from "./index";
import { sampleSnapshot } from "../../tests/fixtures/sample-snapshot";
import type { MatrixSnapshot } from "../../core/matrix-snapshot";

const standardFontDataUrl = join(
  dirname(createRequire(import.meta.url).resolve("pdfjs-dist/package.json")),
  "standard_fonts/",
);

const snapshot: MatrixSnapshot = {
  ...sampleSnapshot({ rows: 2 }),
  forum: "joint",
  membership: [
    { code: "AT", name: "Austria", standing: "eu" },
    { code: "DE", name: "Germany", standing: "nato-eu" },
    { code: "JP", name: "Japan", standing: "partner" },
    { code: "NO", name: "Norway", standing: "nato" },
    { code: "EEAS", name: "European External Action Service", standing: "institution" },
  ],
};

async function pdfText(body: Buffer): Promise<string> {
  const pdf = await getDocument({
    data: new Uint8Array(body),
    useSystemFonts: false,
    isEvalSupported: false,
    standardFontDataUrl,
  }).promise;
  const content = await (await pdf.getPage(1)).getTextContent();
  const text = content.items.map((item) => ("str" in item ? item.str + (item.hasEOL ? " " : "") : "")).join("");
  await pdf.destroy();
  return text.replace(/\s+/g, " ");
}

describe("forum and membership in every export", () => {
  it("FORUM-7 CSV, Markdown, JSON, XLSX and PDF carry the forum and each delegation's standing", async () => {
    const csv = (await exportMatrix("csv", snapshot)).body.toString("utf8");
    expect(csv).toContain("#remit:forum,joint,Joint NATO–EU");
    expect(csv).toMatch(/#remit:member,AT,Austria,EU member state/);
    expect(csv).toMatch(/#remit:member,JP,Japan,Partner/);

    const markdown = (await exportMatrix("md", snapshot)).body.toString("utf8");
    expect(markdown).toContain("Forum: Joint NATO–EU");
    expect(markdown).toContain("Norway (NATO Ally)");

    const json = JSON.parse((await exportMatrix("json", snapshot)).body.toString("utf8"));
    expect(json.forum).toBe("joint");
    expect(json.membership).toContainEqual({
      code: "EEAS",
      name: "European External Action Service",
      standing: "institution",
    });

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await exportMatrix("xlsx", snapshot)).body as unknown as ExcelJS.Buffer);
    const cells: string[] = [];
    workbook.eachSheet((sheet) => sheet.eachRow((row) => cells.push(row.values.toString())));
    expect(cells.join("\n")).toMatch(/Forum,Joint NATO–EU/);
    expect(cells.join("\n")).toMatch(/Germany \(NATO Ally and EU member state\)/);

    const pdf = await pdfText((await exportMatrix("pdf", snapshot)).body);
    expect(pdf).toContain("Joint NATO–EU");
    expect(pdf).toContain("Japan (Partner)");
  });

  it("FORUM-7 a version from before forums exports without forum lines", async () => {
    const csv = (await exportMatrix("csv", sampleSnapshot({ rows: 1 }))).body.toString("utf8");
    expect(csv).not.toContain("#remit:forum");
  });
});
