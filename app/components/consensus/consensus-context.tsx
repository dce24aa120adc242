/**
 * What the consensus UI (grid indicators, side panels, forms) shares: the
 * loaded data, who I am on the board, and how to open a row's panel.
 */
import { createContext, useContext } from "react";
import type { ConsensusData } from "~/hooks/use-consensus-data";
import type { NameOf } from "~/lib/consensus-labels";
import type { BoardRole } from "../../../core/services";

export type RowPanelSection = "positions" | "comments" | "brackets";

export interface ConsensusContextValue {
  boardId: string;
  /** POST target of every consensus form. */
  actionUrl: string;
  /** Null until the first load. */
  data: ConsensusData | null;
  /** Live role (follows the chair's changes). */
  role: BoardRole;
  /** May comment and resolve threads. */
  canComment: boolean;
  /** May record the delegation's position. */
  canRecord: boolean;
  isChair: boolean;
  nameOf: NameOf;
  formatTime: (iso: string) => string;
  /** Opens the row's side panel, scrolled to a section. */
  openRow: (rowId: string, section: RowPanelSection) => void;
}

const ConsensusContext = createContext<ConsensusContextValue | null>(null);

export const ConsensusProvider = ConsensusContext.Provider;

/** Null outside a board page (e.g. a published version's read-only matrix). */
export function useConsensusOptional(): ConsensusContextValue | null {
  return useContext(ConsensusContext);
}

export function useConsensus(): ConsensusContextValue {
  const value = useContext(ConsensusContext);
  if (!value) throw new Error("useConsensus must be used inside <ConsensusProvider>");
  return value;
}
