/**
 * Decides who is opening a collaboration socket, from the session cookie,
 * and with which role, before any board data is sent. A board the user may
 * not see answers the same as one that does not exist (4403): no existence leak.
 */
import type { IncomingMessage } from "node:http";
import { CloseCode, CloseReason, notReleasableReason } from "../core/collab-protocol";
import { readCookie, SESSION_COOKIE } from "../core/cookies";
import { colorFor } from "../core/presence";
import type { AuthServices, BoardAccessServices } from "../core/services";
import type { UpgradeDecision } from "./collab/ws-endpoint";
import { hashToken } from "./auth/tokens";
import { notReleasableList } from "../core/access-errors";
import { encodeReleasability, parseReleasability } from "../core/releasability";

export function sessionAuthorizer(auth: AuthServices, access: BoardAccessServices) {
  return async (request: IncomingMessage, boardId: string): Promise<UpgradeDecision> => {
    const token = readCookie(request.headers.cookie, SESSION_COOKIE);
    const user = token ? await auth.getSessionUser(token) : null;
    if (!user) return { ok: false, closeCode: CloseCode.unauthenticated, reason: CloseReason.noSession };
    let granted: Awaited<ReturnType<BoardAccessServices["getAccess"]>>;
    try {
      granted = await access.getAccess(boardId, user.id);
    } catch (error) {
      const list = notReleasableList(error);
      if (list === null) throw error;
      // The reason names the list (MARK-14) in its stored, machine-readable form.
      const reason = notReleasableReason(encodeReleasability(parseReleasability(list)));
      return { ok: false, closeCode: CloseCode.notReleasable, reason };
    }
    if (!granted) return { ok: false, closeCode: CloseCode.forbidden, reason: CloseReason.notMember };
    return {
      ok: true,
      user: {
        id: user.id,
        name: user.displayName,
        delegation: user.delegation.name,
        delegationCode: user.delegation.code,
        color: colorFor(user.id),
      },
      actor: {
        userId: user.id,
        name: user.displayName,
        delegationCode: user.delegation.code,
        delegationName: user.delegation.name,
      },
      role: granted.role,
      readOnlyBoard: granted.board.archivedAt !== null,
      sessionId: hashToken(token!),
    };
  };
}
