/**
 * User text (names, titles) inside our sentences keeps its own direction without turning the sentence around
 * it: a display name holding RIGHT-TO-LEFT OVERRIDE (U+202E) must not reverse "… recorded Support on …".
 * In JSX, wrap user text in <bdi> (unicode-bidi: isolate). In plain strings (sentences built with t(), aria
 * labels, title attributes) use isolate(): FIRST STRONG ISOLATE … POP DIRECTIONAL ISOLATE, the text form of
 * <bdi>. Isolate controls already in the text are removed first, so a stray U+2069 cannot close ours early;
 * embeddings and overrides (U+202A–202E) inside end at our closing isolate (UAX #9).
 */
const ISOLATE_CONTROLS = /[\u2066-\u2069]/g;
const FSI = "\u2068";
const PDI = "\u2069";

export function isolate(text: string): string {
  return `${FSI}${text.replace(ISOLATE_CONTROLS, "")}${PDI}`;
}

/** Bidirectional controls: embeddings, overrides and isolates (U+202A–202E, U+2066–2069). */
export const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/;
