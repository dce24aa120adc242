/** Bracketed alternatives in the reader's language: "[OTAN] [Partagée, Chef de file UE]" (decision 020). */
import { i18n } from "../i18n";
import type { BracketWords } from "../../core/bracket-contract";
import { bracketWordsIn } from "../../core/bracket-words";

export function bracketWords(): BracketWords {
  return bracketWordsIn(i18n().locale);
}
