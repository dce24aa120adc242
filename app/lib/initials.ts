/** Avatar helpers: initials of a display name and a readable text colour on a given background. */
import { withoutBidiControls } from "./bidi";

export function initialsOf(name: string): string {
  // A leading U+202E would otherwise be one of the two "letters" (and turn the other around).
  const words = withoutBidiControls(name).trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return "?";
  const letters =
    words.length === 1
      ? Array.from(words[0]).slice(0, 2)
      : [words[0], words[words.length - 1]].map((w) => Array.from(w)[0]);
  return letters.join("").toUpperCase();
}

/** Black or white, whichever contrasts more with `#rrggbb` (WCAG relative luminance). */
export function readableTextColor(hex: string): "#000000" | "#ffffff" {
  const match = /^#([0-9a-f]{6})$/i.exec(hex);
  if (!match) return "#ffffff";
  const value = parseInt(match[1], 16);
  const channel = (shift: number) => {
    const c = ((value >> shift) & 0xff) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  const luminance = 0.2126 * channel(16) + 0.7152 * channel(8) + 0.0722 * channel(0);
  // Contrast with white is 1.05 / (L + 0.05); with black (L + 0.05) / 0.05.
  return 1.05 / (luminance + 0.05) >= (luminance + 0.05) / 0.05 ? "#ffffff" : "#000000";
}
