/**
 * Why the server closed the board's connection, in the reader's words (I18N-10). Typed over every close code:
 * a code added to core/collab-protocol.ts without a message here does not compile. The server's close reason
 * is protocol text (a rule name) and is never shown.
 */
import { t, type MessageKey } from "../i18n";
import { CLOSE_CODE_RECOVERY, closeCodeName, type CloseCodeName } from "../../core/collab-protocol";

export const CLOSE_MESSAGES: Record<CloseCodeName, MessageKey> = {
  badMessage: "connectionClosed.badMessage",
  unauthenticated: "connectionClosed.unauthenticated",
  forbidden: "connectionClosed.forbidden",
  boardNotFound: "connectionClosed.boardNotFound",
  notReleasable: "connectionClosed.notReleasable",
  readOnly: "connectionClosed.readOnly",
  rateLimited: "connectionClosed.rateLimited",
  tooManySockets: "connectionClosed.tooManySockets",
  tooLarge: "connectionClosed.tooLarge",
  updateRejected: "connectionClosed.updateRejected",
  loadFailed: "connectionClosed.loadFailed",
  goingAway: "connectionClosed.goingAway",
  serviceRestart: "connectionClosed.serviceRestart",
  messageTooBig: "connectionClosed.messageTooBig",
};

/** Why, then whether the board reconnects by itself; a code that is not ours (1006…) only by number. */
export function closeMessage(code: number): string {
  const name = closeCodeName(code);
  if (name === null) return t("connection.closedOther", { code });
  const next = CLOSE_CODE_RECOVERY[name] === "stop" ? "connection.willNotReconnect" : "connection.willReconnect";
  return `${t(CLOSE_MESSAGES[name])} ${t(next)}`;
}

/** A close worth explaining while reconnecting: ours, and transient (a permanent one has its own banner). */
export function isExplainedRetry(code: number | null): code is number {
  const name = code === null ? null : closeCodeName(code);
  return name !== null && CLOSE_CODE_RECOVERY[name] === "retry";
}
