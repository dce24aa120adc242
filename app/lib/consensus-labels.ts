/**
 * Words for a row's agreement state (always text, never colour only) and the
 * board's agreement counts. Pure: the grid, the side panel and the summary share them.
 */
import { compareNames, delegationName, formatList, t } from "../i18n";
import { computeOrganisationConsensus, type ConsensusResult } from "../../core/consensus";
import { organisationsForRow } from "../../core/forums";
import type { BoardConsensusJson, RowConsensusView, RowWorkflowView } from "../../core/consensus-contract";

export type NameOf = (delegationCode: string) => string;
type FormatTime = (iso: string) => string;

/**
 * The row's view; rows the server has no record of are draft with nobody having spoken. `responsibility`
 * (from the board document) picks the organisations such a row needs on a joint board.
 */
export function rowConsensus(board: BoardConsensusJson, rowId: string, responsibility?: string): RowConsensusView {
  const empty = computeOrganisationConsensus(
    organisationsForRow(board.forum, responsibility),
    board.participants,
    new Map(),
  );
  return (
    board.rows[rowId] ?? {
      rowId,
      workflow: {
        state: "draft",
        procedure: null,
        proposedAt: null,
        silenceDeadline: null,
        agreedAt: null,
        brokenByDelegation: null,
      },
      positions: [],
      consensus: empty.overall,
      organisations: empty.organisations,
    }
  );
}

/**
 * Delegation code → name in the reader's language (I18N-11: "Allemagne" on a French page), from the participants,
 * any other known delegations and every recorded position; unknown codes stay codes.
 */
export function delegationNamer(
  board: BoardConsensusJson,
  known: readonly { code: string; name: string }[] = [],
): NameOf {
  const names = new Map([...known, ...board.participants].map((d) => [d.code, d.name]));
  for (const row of Object.values(board.rows)) {
    for (const position of row.positions)
      if (!names.has(position.delegationCode)) names.set(position.delegationCode, position.delegationName);
  }
  return (code) => {
    const stored = names.get(code);
    return stored === undefined ? code : delegationName(code, stored);
  };
}

/** Names in the locale's alphabetical order (codes sort differently: DE before FR), as the locale lists them. */
const listNames = (codes: readonly string[], nameOf: NameOf) => formatList(codes.map(nameOf).sort(compareNames));

export function workflowLabel(workflow: RowWorkflowView, formatTime: FormatTime): string {
  if (workflow.state === "agreed") return t("workflow.agreed");
  if (workflow.state === "draft") return t("workflow.draft");
  return workflow.procedure === "silence" && workflow.silenceDeadline
    ? t("workflow.proposedSilence", { time: formatTime(workflow.silenceDeadline) })
    : t("workflow.proposed");
}

export function consensusLabel(result: ConsensusResult, nameOf: NameOf): string {
  switch (result.state) {
    case "blocked":
      return t("workflow.blocked", { names: listNames(result.objecting, nameOf) });
    case "pending":
      return result.pending.length > 0
        ? t("workflow.pending", { names: listNames(result.pending, nameOf) })
        : t("workflow.noParticipants");
    case "consensus-with-reservations":
      return t("workflow.withReservations", { names: listNames(result.reserving, nameOf) });
    case "consensus":
      return t("workflow.consensus");
  }
}

/**
 * A row adopted under silence, in one phrase: "Agreed under silence (no objection from France, Germany)". The
 * delegations that stayed silent agreed by not objecting; listing them as "Pending" would misstate the record.
 * Null for any other row.
 */
export function silenceAgreementLabel(view: RowConsensusView, nameOf: NameOf): string | null {
  if (view.workflow.state !== "agreed" || view.workflow.procedure !== "silence") return null;
  const silent = view.consensus.pending;
  return silent.length > 0
    ? t("workflow.agreedUnderSilenceFrom", { names: listNames(silent, nameOf) })
    : t("workflow.agreedUnderSilence");
}

/** Minutes and seconds left ("4:05"), hours above an hour ("2:04:05"); never negative. */
export function countdownText(msLeft: number): string {
  const total = Math.max(0, Math.ceil(msLeft / 1000));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = String(total % 60).padStart(2, "0");
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, "0")}:${seconds}` : `${minutes}:${seconds}`;
}

/** Why the chair cannot declare agreement now, or null when they can. */
export function declareBlocker(view: RowConsensusView, nameOf: NameOf): string | null {
  if (view.workflow.state === "agreed") return t("workflow.lockedNote");
  const { consensus } = view;
  if (consensus.state === "blocked") return t("workflow.blockedBy", { names: listNames(consensus.objecting, nameOf) });
  if (consensus.state === "pending") {
    return consensus.pending.length > 0
      ? t("workflow.waitingFor", { names: listNames(consensus.pending, nameOf) })
      : t("workflow.noOneYet");
  }
  // Only a proposed row can be declared (the server refuses too): everyone has seen the text on the table.
  if (view.workflow.state === "draft") return t("workflow.proposeFirst");
  return null;
}

interface AgreementCounts {
  agreed: number;
  proposed: number;
  draft: number;
  /** Rows (in any state but agreed) that a delegation objects to. */
  blocked: number;
  total: number;
}

export function countAgreement(rowIds: readonly string[], board: BoardConsensusJson): AgreementCounts {
  const counts: AgreementCounts = { agreed: 0, proposed: 0, draft: 0, blocked: 0, total: rowIds.length };
  for (const rowId of rowIds) {
    const view = rowConsensus(board, rowId);
    counts[view.workflow.state] += 1;
    if (view.workflow.state !== "agreed" && view.consensus.state === "blocked") counts.blocked += 1;
  }
  return counts;
}
