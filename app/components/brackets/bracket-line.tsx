/** A bracketed cell under the grid's control: "[NATO] [Shared, EU lead]", the current value first (decision 020). */
import { t } from "~/i18n";
import { bracketWords } from "~/lib/bracket-words";
import { bracketText, currentBracketValue, type BracketField } from "../../../core/bracket-contract";
import type { ThreatRow } from "../../../core/board-doc";
import { useConsensusOptional } from "../consensus/consensus-context";
import { useRowBrackets } from "./use-row-brackets";

interface Props {
  row: ThreatRow;
  field: BracketField;
  title: string;
}

export function BracketLine({ row, field, title }: Props) {
  const consensus = useConsensusOptional();
  const bracket = useRowBrackets(row.id).find((candidate) => candidate.field === field);
  if (!bracket || !consensus) return null;
  const text = bracketText(
    [currentBracketValue(row, field), ...bracket.alternatives.map((alternative) => alternative.value)],
    bracketWords(),
  );
  return (
    <button
      type="button"
      tabIndex={-1}
      className="link-button bracket-line"
      data-testid={`bracket-${field}`}
      aria-label={t("brackets.openFor", { title, text })}
      onClick={() => consensus.openRow(row.id, "brackets")}
    >
      {text}
    </button>
  );
}
