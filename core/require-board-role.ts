import { AccessDenied } from "./access-errors";
import type { BoardAccessServices, BoardRole, BoardSummary } from "./services";
import { messageRef, type MessageRef } from "./message-ref";

export interface RoleRule {
  /** Which roles may do it. */
  may: (role: BoardRole) => boolean;
  /** What "it" is: carried in the refusal's ref for the logs (the reader is told their role does not allow it). */
  to: string;
  /** A change to the board: refused while the board is archived (read-only), as on its socket. */
  change?: boolean;
}

/**
 * The one board-role guard, for services and routes alike: the board and the actor's role, or
 * AccessDenied 404 for non-members (no existence leak) and 403 when the rule refuses.
 * Routes reach it through `requireBoardAccess`, which turns AccessDenied into the HTTP answer.
 */
export async function requireBoardRole(
  access: Pick<BoardAccessServices, "getAccess">,
  actorId: string,
  boardId: string,
  rule?: RoleRule,
): Promise<{ board: BoardSummary; role: BoardRole }> {
  const granted = await access.getAccess(boardId, actorId);
  if (!granted) throw new AccessDenied(404, messageRef("errors.boardNotFound"));
  if (rule && !rule.may(granted.role)) throw new AccessDenied(403, roleMayNot(granted.role, rule.to));
  if (rule?.change && granted.board.archivedAt) throw new AccessDenied(403, messageRef("serviceErrors.boardArchived"));
  return granted;
}

/** "Your role (Observer) does not allow this": the role named in the reader's language; `action` stays for the logs. */
const roleMayNot = (role: BoardRole, action: string): MessageRef =>
  messageRef("serviceErrors.roleMayNot", { role: messageRef(`roles.${role}`), action });
