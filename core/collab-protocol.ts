/**
 * Names for the pieces of the collaboration protocol, shared by browser and
 * server. Message framing is y-websocket's (y-protocols); these are our additions.
 */
import type { BoardRole } from "./domain";
/** WebSocket path prefix: /collab/<boardId> */
export const COLLAB_PATH_PREFIX = "/collab/";

/** y-websocket message types (first varUint of every frame). */
export const MessageType = {
  sync: 0,
  awareness: 1,
  auth: 2,
  queryAwareness: 3,
  /**
   * Remit extension, server → client only: the connection's role on the board,
   * sent on join and whenever the chair changes it. Payload: varString JSON
   * AccessMessage. y-websocket clients register a handler for it
   * (provider.messageHandlers[MessageType.access]).
   */
  access: 10,
  /**
   * Remit extension, server → client only: something stored outside the
   * document changed (comments, positions, workflow, versions, instruments) or an edit to
   * an agreed row was undone. Payload: varString JSON BoardEventMessage.
   */
  boardEvent: 11,
  /**
   * Remit extension, server → client only (COLLAB-23): save acknowledgement.
   * Payload: varUint `frames`, varUint `seq`. Every sync step 2 and update frame
   * a connection sends is numbered 1, 2, 3…; `frames` = n means frames 1..n that
   * the server accepted are committed to the database (cumulative). `seq` is
   * the last update-log sequence number this server wrote for the board. Stock y-websocket
   * clients have no handler for it and ignore it (they log "Unable to compute message").
   */
  ack: 12,
} as const;

/**
 * What a board event says changed: stored data (comments, positions, workflow, versions, the board's custom
 * instruments — clients re-read the list, bracketed alternatives) or a refused edit.
 */
export const BOARD_EVENT_KINDS = [
  "comments",
  "positions",
  "workflow",
  "versions",
  "row-locked",
  "instruments",
  // The meeting (decision 021): the agenda and its current item; the speaking list, the speaker and the timer.
  "agenda",
  "floor",
  "brackets",
] as const;
export type BoardEventKind = (typeof BOARD_EVENT_KINDS)[number];

export interface BoardEventMessage {
  kind: BoardEventKind;
  rowId?: string;
}

export interface AccessMessage {
  role: BoardRole;
  canWrite: boolean;
}

/** Close codes. 4xxx mirror the HTTP status they correspond to. */
export const CloseCode = {
  /** Frame is not a valid y-websocket protocol message. */
  badMessage: 4400,
  unauthenticated: 4401,
  /** Not a member of the board, or removed from it while connected. */
  forbidden: 4403,
  boardNotFound: 4404,
  /**
   * A member whose delegation is outside the board's releasability list (MARK-14); the reason names the list.
   * 451 as in HTTP "unavailable for legal reasons": withheld by a release rule, not by role.
   */
  notReleasable: 4451,
  /** An observer kept sending writes. */
  readOnly: 4405,
  /** A socket sent more frames or bytes per second than MAX_FRAMES_PER_SECOND / MAX_BYTES_PER_SECOND allow. */
  rateLimited: 4429,
  /** The session or the board already has as many sockets as MAX_SOCKETS_PER_SESSION / MAX_SOCKETS_PER_BOARD allow. */
  tooManySockets: 4430,
  /** Frame over the size limit (the ws library itself answers 1009 for frames beyond maxPayload). */
  tooLarge: 4413,
  /** Yjs update that does not decode, fails to apply, or touches types outside the board schema. */
  updateRejected: 4422,
  /** The board could not be loaded from storage; the client should retry later. */
  loadFailed: 4500,
  /** Server shutting down. */
  goingAway: 1001,
  /** This instance is draining (SIGTERM): reconnect, the load balancer sends you to another instance. */
  serviceRestart: 1012,
  /** ws library: frame larger than maxPayload. */
  messageTooBig: 1009,
} as const;

/** Close codes after which reconnecting cannot help: the client stops retrying. */
export const PERMANENT_CLOSE_CODES: ReadonlySet<number> = new Set([
  CloseCode.unauthenticated,
  CloseCode.forbidden,
  CloseCode.boardNotFound,
  CloseCode.notReleasable,
]);
