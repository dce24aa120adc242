/**
 * The domain vocabulary every other core module uses: roles, instrument
 * owners, delegations, boards and instruments. A leaf: it imports nothing, so
 * the contracts that use it never form an import cycle.
 */
export const BOARD_ROLES = ["chair", "delegate", "observer"] as const;
export type BoardRole = (typeof BOARD_ROLES)[number];

export const INSTRUMENT_OWNERS = ["NATO", "EU", "Joint", "National"] as const;
export type InstrumentOwner = (typeof INSTRUMENT_OWNERS)[number];

export interface DelegationInfo {
  code: string;
  name: string;
  nato: boolean;
  eu: boolean;
  /** A partner country (Japan, Republic of Korea…): takes part, never records a position. */
  partner: boolean;
  institution: boolean;
}

/**
 * The forum a board is held in (decision 018): it decides who records positions (NATO: Allies; EU: member
 * states; joint: both) and, on a joint board, that consensus is counted per organisation.
 */
export const BOARD_FORUMS = ["nato", "eu", "joint"] as const;
export type BoardForum = (typeof BOARD_FORUMS)[number];

export interface BoardSummary {
  id: string;
  title: string;
  createdAt: string;
  archivedAt: string | null;
  forum: BoardForum;
  /** The chosen marking, an entry of BOARD_MARKINGS (core/markings.ts); boardMarkingText gives the words shown. */
  marking: string;
  /** Who may read it, encoded (core/releasability.ts): "any", "nato-eu", "nato", "eu", "delegations:DE,FR". */
  releasability: string;
}

export interface InstrumentInfo {
  id: string;
  name: string;
  owner: InstrumentOwner;
  kind: string;
  year: number | null;
  reference: string;
  summary: string;
  /** Added to this board by a user (not from the shared library). */
  custom: boolean;
}

export interface NewInstrumentInput {
  name: string;
  owner: InstrumentOwner;
  kind: string;
  year: number | null;
  reference: string;
}

export type BoardTemplate = "empty" | "starter";
