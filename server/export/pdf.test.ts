import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { describe, expect, it } from "vitest";
import { fingerprintSnapshot } from "./fingerprint";
import { transliterateWinAnsi } from "./pdf-font";
import { footnoteText } from "./pdf-notes";
import { exportPdf, renderPdf } from "./pdf";
import { prepareExport } from "./prepare";
import { sampleSnapshot } from "../../tests/fixtures/sample-snapshot";

// Lets pdf.js read the Helvetica (fallback) pages without warnings.
const standardFontDataUrl = join(
  dirname(createRequire(import.meta.url).resolve("pdfjs-dist/package.json")),
  "standard_fonts/",
);

/** Text of every page, whitespace collapsed (pdf.js splits runs where pdfkit wrapped or kerned). */
async function pageTexts(body: Buffer): Promise<string[]> {
  const pdf = await getDocument({
    data: new Uint8Array(body),
    useSystemFonts: false,
    isEvalSupported: false,
    standardFontDataUrl,
  }).promise;
  const pages: string[] = [];
  for (let n = 1; n <= pdf.numPages; n++) {
    const content = await (await pdf.getPage(n)).getTextContent();
    const text = content.items.map((item) => ("str" in item ? item.str + (item.hasEOL ? " " : "") : "")).join("");
    pages.push(text.replace(/\s+/g, " "));
  }
  await pdf.destroy();
  return pages;
}

const squash = (text: string) => text.replace(/\s+/g, " ");

describe("PDF export", () => {
  it("lays 40 threats out on 6 pages with the fingerprint and page number on each", async () => {
    const snapshot = sampleSnapshot({ rows: 40 });
    const file = await exportPdf(snapshot);
    expect(file.body.subarray(0, 5).toString()).toBe("%PDF-");
    const pages = await pageTexts(file.body);
    // Page 1 title block and pictures, pages 2–5 the table (header repeated), then the footnotes (pages 5–6).
    expect(pages).toHaveLength(6);
    const fingerprint = fingerprintSnapshot(snapshot);
    pages.forEach((text, i) => {
      expect(text).toContain(fingerprint);
      expect(text).toContain(`Page ${i + 1} of 6`);
    });
    for (const text of pages.slice(1, 5)) expect(text).toContain("Threat Category Responsibility Lead Instruments");
    expect(pages[0]).toContain("Version 3 — Spring plenary");
    expect(pages[0]).toContain("Published by: Łukasz Wróbel (PL)");
    expect(pages[0]).toContain("Delegations present: PL, DK, TR, FR");
    expect(pages[0]).toContain("Responsibility distribution");
    expect(pages[0]).toContain("Threat × instrument links");
    expect(pages[0]).not.toContain("DRAFT");
    const lastNote = prepareExport(snapshot).footnotes.at(-1)!;
    expect(pages.findIndex((text) => text.includes("Reservations and objections"))).toBe(4);
    expect(pages[5]).toContain(squash(footnoteText(lastNote)));
    expect(pages.join(" ")).toContain("Mette Ørsted");
  });

  it("marks a live board DRAFT on every page", async () => {
    const { body, pages: count } = await renderPdf(sampleSnapshot({ rows: 3, live: true }), {
      now: new Date("2025-06-01T12:00:00Z"),
    });
    const pages = await pageTexts(body);
    expect(pages).toHaveLength(count);
    expect(pages[0]).toContain("DRAFT — live board, not an agreed version");
    expect(pages[0]).toContain("2025-06-01 12:00 UTC");
    for (const text of pages) expect(text).toContain("DRAFT");
  });

  it("falls back to Helvetica with transliteration when asked", async () => {
    expect(transliterateWinAnsi("Łukasz Wróbel, Ørsted, Şahin, Łódź")).toBe("Lukasz Wróbel, Ørsted, Sahin, Lódz");
    const pages = await pageTexts((await exportPdf(sampleSnapshot({ rows: 2 }), { font: "standard" })).body);
    expect(pages[0]).toContain("Published by: Lukasz Wróbel (PL)");
  });
});
