/**
 * Setting a board's marking and releasability (types only). Implemented in
 * server/access/board-marking-service.ts; reaches routes as `context.markings`.
 */
import type { BoardRole, DelegationInfo } from "./domain";
import type { Releasability } from "./releasability";

/** A member as the marking page lists them (no email: not needed to judge releasability). */
interface WithheldMember {
  userId: string;
  displayName: string;
  delegation: DelegationInfo;
  role: BoardRole;
}

/** Same shape as ActionResult (core/services.ts), declared here so the contracts do not import each other. */
export type MarkingResult = { ok: true } | { ok: false; fieldErrors: Partial<Record<string, string>> };

interface MarkingSettings {
  /** The chosen entry of the list (may hold "<list>"). */
  marking: string;
  /** What the banner and the exports say. */
  markingText: string;
  releasability: Releasability;
  /** BOARD_MARKINGS, in order. */
  options: readonly string[];
  /** Members outside the releasability: still listed, refused reads, exports and sockets (MARK-13). */
  withheld: WithheldMember[];
}

export interface BoardMarkingServices {
  /** BOARD_MARKINGS, in order; the first is a new board's marking. */
  readonly options: readonly string[];
  /** Chair only. */
  getSettings(actorId: string, boardId: string): Promise<MarkingSettings>;
  /** Chair only. input: { marking, releasability } (validated here: field errors name marking, releasability, codes). */
  setMarking(actorId: string, boardId: string, input: unknown): Promise<MarkingResult>;
}
