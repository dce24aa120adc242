/**
 * User text (names, titles) inside our sentences keeps its own direction without turning the sentence around
 * it: a display name holding RIGHT-TO-LEFT OVERRIDE (U+202E) must not reverse "… recorded Support on …".
 * In JSX, wrap user text in <bdi> (unicode-bidi: isolate). In plain strings (sentences built with t(), aria
 * labels, title attributes) use isolate(): FIRST STRONG ISOLATE … POP DIRECTIONAL ISOLATE, the text form of
 * <bdi>. Unbalanced isolate controls in the text are removed first, so a stray U+2069 cannot close ours early;
 * embeddings and overrides (U+202A–202E) inside end at our closing isolate (UAX #9).
 * t(), tParts() and formatList() isolate every string parameter that needs it (isolateIfNeeded), so a name
 * or title in any translated sentence, aria-label or tooltip is covered without each caller remembering.
 */
const ISOLATE_CONTROLS = /[\u2066-\u2069]/g;
const FSI = "\u2068";
const PDI = "\u2069";

export function isolate(text: string): string {
  if (isolateClosedAt(text, 0) === text.length - 1) return text; // already one isolate (ours, from a nested t())
  return `${FSI}${balancedIsolates(text) ? text : text.replace(ISOLATE_CONTROLS, "")}${PDI}`;
}

/** Where the isolate opened at `start` closes (-1 when text[start] opens none or it never closes). */
function isolateClosedAt(text: string, start: number): number {
  if (text[start] !== FSI) return -1;
  let depth = 0;
  for (let index = start; index < text.length; index++) {
    if (/[\u2066-\u2068]/.test(text[index])) depth++;
    else if (text[index] === PDI && --depth === 0) return index;
  }
  return -1;
}

/**
 * Every isolate in the text closes, and nothing closes that was not opened: such text (a sentence that already
 * isolates its names) can sit inside ours as it is. Anything else has its isolate controls removed.
 */
function balancedIsolates(text: string): boolean {
  let depth = 0;
  for (const char of text) {
    if (char === PDI) depth--;
    else if (char >= "\u2066" && char <= "\u2068") depth++;
    if (depth < 0) return false;
  }
  return depth === 0;
}

/**
 * Text that can turn the sentence around it: a right-to-left letter (Hebrew, Arabic, Syriac, Thaana, N'Ko and the
 * other right-to-left scripts, their presentation forms, RLM, ALM) or a bidirectional control.
 */
const NEEDS_ISOLATION =
  /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFE\u200F\u061C\u202A-\u202E\u2066-\u2069]|[\u{10800}-\u{10FFF}\u{1E800}-\u{1EFFF}]/u;

/**
 * isolate() when the text could reorder its neighbours, the text unchanged otherwise: left-to-right text in our
 * left-to-right sentences displays the same either way, and stays searchable as typed (accessible names, tests).
 */
export function isolateIfNeeded(text: string): string {
  return NEEDS_ISOLATION.test(text) ? isolate(text) : text;
}

const BIDI_CONTROLS_ALL = /[\u202A-\u202E\u2066-\u2069]/g;

/** The text without bidirectional controls, for where it is too short to isolate (an avatar's initials). */
export function withoutBidiControls(text: string): string {
  return text.replace(BIDI_CONTROLS_ALL, "");
}
