/** Bracketed alternatives in the reader's language: "[OTAN] [Partagée, Chef de file UE]" (decision 020). */
import { t } from "~/i18n";
import type { BracketWords } from "../../core/bracket-contract";

export function bracketWords(): BracketWords {
  return {
    responsibility: (value) => t(`responsibility.${value}`),
    lead: (value) => t(`lead.${value}`),
  };
}
