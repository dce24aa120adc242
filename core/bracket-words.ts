/**
 * Responsibility and lead words in each language: the one source for the UI catalogue (app/i18n `responsibility`,
 * `lead`) and the meeting record, so a bracketed side reads alike on screen and on paper.
 */
import type { BracketWords } from "./bracket-contract";
import type { Lead, Responsibility } from "./board-doc";
import type { Locale } from "./locale";

export const RESPONSIBILITY_LABELS: Record<Locale, Record<Responsibility, string>> = {
  en: { NATO: "NATO", EU: "EU", Shared: "Shared", Unassigned: "Unassigned" },
  fr: { NATO: "OTAN", EU: "UE", Shared: "Partagée", Unassigned: "Non attribuée" },
};

export const LEAD_LABELS: Record<Locale, Record<Lead, string>> = {
  en: { NATO: "NATO lead", EU: "EU lead", Joint: "Joint lead" },
  fr: { NATO: "Chef de file OTAN", EU: "Chef de file UE", Joint: "Chef de file conjoint" },
};

/** French typography: a no-break space (U+00A0, as the catalogue and the exports write it) before ";" (I18N-26). */
const LIST_SEPARATORS: Record<Locale, string> = { en: "; ", fr: "\u00a0; " };

/** "[OTAN] [Partagée, Chef de file UE]" in French, "[NATO] [Shared, EU lead]" in English. */
export function bracketWordsIn(locale: Locale): BracketWords {
  return {
    responsibility: (value) => RESPONSIBILITY_LABELS[locale][value],
    lead: (value) => LEAD_LABELS[locale][value],
    listSeparator: LIST_SEPARATORS[locale],
  };
}
