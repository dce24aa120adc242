/**
 * Bidirectional controls (U+202A–202E embeddings and overrides, U+2066–2069
 * isolates) make text display in another order than it is stored: a title
 * can read "approved" while holding "devorppa". Exports for people (CSV, XLSX,
 * Markdown, PDF) show each control as a visible code, ⟨U+202E⟩, and name the
 * rows that had them; the JSON export keeps the data exactly (it is the
 * machine record, and its fingerprint covers the stored text). The import
 * preview warns about them (HARDEN-51). The CSV and XLSX importers turn each
 * ⟨U+…⟩ of these controls back into the character, so an export read back
 * gives the text that was exported (HARDEN-54; decision 024).
 */
const BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069]/g;

function hasBidiControls(text: string): boolean {
  BIDI_CONTROL.lastIndex = 0;
  return BIDI_CONTROL.test(text);
}

export function showBidiControls(text: string): string {
  return text.replace(BIDI_CONTROL, (ch) => `⟨U+${ch.charCodeAt(0).toString(16).toUpperCase()}⟩`);
}

/** Every string inside a value (deep), with its controls made visible. */
export function showBidiControlsDeep<T>(value: T): T {
  if (typeof value === "string") return showBidiControls(value) as T;
  if (Array.isArray(value)) return value.map((item) => showBidiControlsDeep(item)) as T;
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, showBidiControlsDeep(item)])) as T;
  }
  return value;
}

/** True when any string inside the value holds a control. */
export function containsBidiControls(value: unknown): boolean {
  if (typeof value === "string") return hasBidiControls(value);
  if (Array.isArray(value)) return value.some(containsBidiControls);
  if (value && typeof value === "object") return Object.values(value).some(containsBidiControls);
  return false;
}

// Exactly what showBidiControls writes, for the controls it writes it for.
const SHOWN_CONTROL = /⟨U\+(202[A-E]|206[6-9])⟩/g;

/** Undoes showBidiControls: the CSV/XLSX importers read ⟨U+202E⟩ back as the control (the preview then warns). */
export function restoreBidiControls(text: string): string {
  return text.includes("⟨U+")
    ? text.replace(SHOWN_CONTROL, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)))
    : text;
}
