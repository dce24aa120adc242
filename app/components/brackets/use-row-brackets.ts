/** The open brackets of one row, from the consensus data the board page already loads (decision 020). */
import { useConsensusOptional } from "../consensus/consensus-context";
import type { BracketView } from "../../../core/bracket-contract";

const NONE: readonly BracketView[] = [];

export function useRowBrackets(rowId: string): readonly BracketView[] {
  const brackets = useConsensusOptional()?.data?.brackets;
  if (!brackets) return NONE;
  const own = brackets.filter((bracket) => bracket.rowId === rowId && bracket.alternatives.length > 0);
  return own.length > 0 ? own : NONE;
}
