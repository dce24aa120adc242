/** All the text of a PDF as pdf.js reads it, pages joined, whitespace (no-break spaces included) collapsed. */
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";

// Lets pdf.js read the Helvetica (fallback) pages without warnings.
const standardFontDataUrl = join(
  dirname(createRequire(import.meta.url).resolve("pdfjs-dist/package.json")),
  "standard_fonts/",
);

export async function pdfText(body: Uint8Array): Promise<string> {
  const pdf = await getDocument({ data: new Uint8Array(body), isEvalSupported: false, standardFontDataUrl }).promise;
  const pages: string[] = [];
  for (let n = 1; n <= pdf.numPages; n++) {
    const content = await (await pdf.getPage(n)).getTextContent();
    pages.push(content.items.map((item) => ("str" in item ? item.str + (item.hasEOL ? " " : "") : "")).join(""));
  }
  await pdf.destroy();
  return pages.join(" ").replace(/\s+/g, " ");
}
