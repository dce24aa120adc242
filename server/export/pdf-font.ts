/**
 * Fonts for the PDF. The 14 standard PDF fonts (Helvetica…) only cover
 * WinAnsi, which has "Ø" and "ó" but not "Ł" or "ş", and delegates are called
 * Łukasz Wróbel and Elif Şahin. So we embed DejaVu Sans (from the
 * dejavu-fonts-ttf package; pdfkit subsets it, only used glyphs are stored).
 * If that font cannot be read, we fall back to Helvetica and transliterate
 * what WinAnsi lacks ("Ł" → "L", "ş" → "s", anything else → "?").
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

export interface PdfFonts {
  regular: string;
  bold: string;
  unicode: boolean;
  /** Makes text printable in the chosen font (identity for the Unicode font). */
  printable: (text: string) => string;
}

let cached: { regular: Buffer; bold: Buffer } | null | undefined;

/** Reads the TTFs once per process: each export then only parses and subsets them. */
function loadDejaVu(): { regular: Buffer; bold: Buffer } | null {
  if (cached !== undefined) return cached;
  try {
    const require = createRequire(import.meta.url);
    cached = {
      regular: readFileSync(require.resolve("dejavu-fonts-ttf/ttf/DejaVuSans.ttf")),
      bold: readFileSync(require.resolve("dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf")),
    };
  } catch {
    cached = null;
  }
  return cached;
}

const CP1252_EXTRAS = "€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ";
const FALLBACKS: Record<string, string> = {
  Ł: "L",
  ł: "l",
  Đ: "D",
  đ: "d",
  Ħ: "H",
  ħ: "h",
  ı: "i",
  Ŀ: "L",
  ŀ: "l",
  ŋ: "ng",
  Ŋ: "NG",
  ſ: "s",
  "−": "-",
  "≤": "<=",
  "≥": ">=",
  "→": "->",
  "←": "<-",
  "✓": "v",
};

function inWinAnsi(ch: string): boolean {
  const code = ch.codePointAt(0)!;
  return ch === "\n" || (code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || CP1252_EXTRAS.includes(ch);
}

/** Keeps WinAnsi characters; strips diacritics from the rest (Ş → S), then a small table, then "?". */
export function transliterateWinAnsi(text: string): string {
  let out = "";
  for (const ch of text) {
    if (inWinAnsi(ch)) out += ch;
    else {
      const base = ch.normalize("NFKD").replace(/[\u0300-\u036f]/g, "");
      out += base && [...base].every(inWinAnsi) ? base : (FALLBACKS[ch] ?? "?");
    }
  }
  return out;
}

// Control characters other than newline would print as boxes in either font.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROLS = /[\u0000-\u0009\u000b-\u001f\u007f]/g;
const stripControls = (text: string) => text.replace(/\r\n?/g, "\n").replace(CONTROLS, " ");

export function registerPdfFonts(doc: PDFKit.PDFDocument, prefer: "unicode" | "standard" = "unicode"): PdfFonts {
  const dejaVu = prefer === "unicode" ? loadDejaVu() : null;
  if (dejaVu) {
    doc.registerFont("Body", dejaVu.regular);
    doc.registerFont("Body-Bold", dejaVu.bold);
    return { regular: "Body", bold: "Body-Bold", unicode: true, printable: stripControls };
  }
  return {
    regular: "Helvetica",
    bold: "Helvetica-Bold",
    unicode: false,
    printable: (text) => transliterateWinAnsi(stripControls(text)),
  };
}
