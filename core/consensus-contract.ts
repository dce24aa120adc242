/** Shapes of consensus data shared by server services and routes (types only). */
import type { ConsensusResult, OrganisationConsensus, PositionValue } from "./consensus";
import type { BoardForum, DelegationInfo } from "./domain";

export const WORKFLOW_STATES = ["draft", "proposed", "agreed"] as const;
export type RowWorkflowState = (typeof WORKFLOW_STATES)[number];
export type AdoptionProcedure = "consensus" | "silence" | "chair-declared";

export interface PositionRecord {
  rowId: string;
  delegationCode: string;
  delegationName: string;
  position: PositionValue;
  text: string | null;
  recordedByName: string;
  recordedAt: string;
  /**
   * Given on the row's current text (title, description, responsibility, lead, instruments). False: "given on
   * an earlier text": shown, but it does not count towards consensus until the delegation renews it.
   */
  current: boolean;
}

export interface RowWorkflowView {
  state: RowWorkflowState;
  procedure: AdoptionProcedure | null;
  proposedAt: string | null;
  silenceDeadline: string | null;
  agreedAt: string | null;
  /** Delegation that last objected / broke silence. */
  brokenByDelegation: string | null;
}

export interface RowConsensusView {
  rowId: string;
  workflow: RowWorkflowView;
  /** Standing position of each delegation (latest), participating or not. */
  positions: PositionRecord[];
  /** What the workflow goes by: on a joint board, blocked or pending if either organisation the row needs is. */
  consensus: ConsensusResult;
  /** Each organisation the row needs (decision 018): one on a NATO or EU board, one or two on a joint board. */
  organisations: OrganisationConsensus[];
}

export interface BoardConsensusView {
  forum: BoardForum;
  /** Every member's delegation (observers, partners and institutions included), once each, by name. */
  membership: DelegationInfo[];
  /** Delegations taking part: those of the board's chairs and delegates that the forum lets record positions. */
  participants: DelegationInfo[];
  /** Only rows that have a workflow record or positions; others are draft with nobody having spoken. */
  rows: Map<string, RowConsensusView>;
  /** For a row without a record. */
  emptyRow(rowId: string): RowConsensusView;
}

/** BoardConsensusView as loaders return it (JSON-friendly). */
export interface BoardConsensusJson {
  forum: BoardForum;
  participants: DelegationInfo[];
  rows: Record<string, RowConsensusView>;
}

export const COMMENT_CELLS = ["responsibility", "instruments", "notes"] as const;
export type CommentCell = (typeof COMMENT_CELLS)[number];

export interface CommentView {
  id: string;
  rowId: string;
  cell: CommentCell | null;
  parentId: string | null;
  authorId: string;
  authorName: string;
  delegationCode: string;
  /** Plain text as typed; render as text (links and line breaks only). Empty when deleted. */
  body: string;
  createdAt: string;
  editedAt: string | null;
  deleted: boolean;
  /** Set on thread roots. */
  resolvedAt: string | null;
  mentionsMe: boolean;
}

export interface CommentsOverview {
  comments: CommentView[];
  /** Open (unresolved) thread count per row, for the grid badges. */
  openThreadsByRow: Record<string, number>;
  /** Mentions of the current user not yet marked read. */
  unreadMentions: number;
}
