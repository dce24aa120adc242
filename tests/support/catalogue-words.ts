/** The words of the message catalogues, for the checks that no English is left in French text (I18N-15, I18N-22). */
import { en } from "../../app/i18n/en";
import { fr } from "../../app/i18n/fr";

/** Every leaf string of a catalogue. */
function leaves(messages: unknown): string[] {
  if (typeof messages === "string") return [messages];
  if (typeof messages === "function" || messages === null || typeof messages !== "object") return [];
  return Object.values(messages).flatMap(leaves);
}

/** A text's words of three letters or more, lower-cased, placeholders left out. */
export const wordsOf = (text: string) =>
  text
    .replace(/\{[^}]*\}/g, " ")
    .toLowerCase()
    .split(/[^\p{L}]+/u)
    .filter((word) => word.length >= 3);

/** Words of the English catalogue that no French message uses: the tell-tales of English left over. */
export function catalogueEnglishOnlyWords(): string[] {
  const french = new Set(leaves(fr).flatMap(wordsOf));
  return leaves(en)
    .flatMap(wordsOf)
    .filter((word) => !french.has(word));
}
