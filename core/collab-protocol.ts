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

export type CloseCodeName = keyof typeof CloseCode;

/**
 * What a client does after each close (I18N-10): "stop" when reconnecting cannot help (the same refusal would
 * come back: no session, no access, the board gone, or an edit the server will refuse again on every sync),
 * "retry" when it is transient. Typed over every code, so a new code must say which it is.
 */
export const CLOSE_CODE_RECOVERY: Record<CloseCodeName, "stop" | "retry"> = {
  badMessage: "retry",
  unauthenticated: "stop",
  forbidden: "stop",
  boardNotFound: "stop",
  notReleasable: "stop",
  readOnly: "retry",
  rateLimited: "retry",
  tooManySockets: "retry",
  tooLarge: "stop",
  updateRejected: "stop",
  loadFailed: "retry",
  goingAway: "retry",
  serviceRestart: "retry",
  messageTooBig: "stop",
};

/** The name of a close code, or null for one that is not ours (1006 abnormal closure, 1000…). */
export function closeCodeName(code: number): CloseCodeName | null {
  const entry = Object.entries(CloseCode).find(([, value]) => value === code);
  return entry ? (entry[0] as CloseCodeName) : null;
}

/** Close codes after which reconnecting cannot help: the client stops retrying. */
export const PERMANENT_CLOSE_CODES: ReadonlySet<number> = new Set(
  (Object.keys(CLOSE_CODE_RECOVERY) as CloseCodeName[])
    .filter((name) => CLOSE_CODE_RECOVERY[name] === "stop")
    .map((name) => CloseCode[name]),
);

/**
 * Close reasons are protocol text, never shown to anyone: short, stable, ASCII rule names (a close reason holds
 * at most 123 bytes). The client explains a close from its code, in the reader's language (I18N-10).
 */
export const CloseReason = {
  noSession: "no-session",
  signedOut: "signed-out",
  notMember: "not-member",
  removed: "member-removed",
  boardNotFound: "board-not-found",
  badFrame: "bad-frame",
  textFrame: "text-frame",
  badStateVector: "bad-state-vector",
  badAwareness: "bad-awareness",
  observerWrites: "observer-writes",
  rateLimited: "rate-limited",
  sessionSockets: "session-socket-limit",
  boardSockets: "board-socket-limit",
  earlyData: "early-data-limit",
  applyFailed: "apply-failed",
  loadFailed: "load-failed",
  reloadFailed: "reload-failed",
  shuttingDown: "shutting-down",
  draining: "draining",
} as const;

export const MAX_CLOSE_REASON_BYTES = 123;

/** 4451's reason: the rule and the releasability list in its stored form (`not-releasable:nato`, MARK-14). */
export function notReleasableReason(encodedList: string): string {
  return `not-releasable:${encodedList}`.replace(/[^\x21-\x7e]/g, "").slice(0, MAX_CLOSE_REASON_BYTES);
}
