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

/** A session token of the right shape (43 base64url characters) whose hash no session row has: its lookup runs. */
const UNKNOWN_SESSION_TOKEN = "warm-up".padEnd(43, "_");
const UNKNOWN_ID = "warm-up";

/**
 * PERF-61: an upgrade's lookups (the session with its user and delegation, then the membership) run once before the
 * server listens, for a session and a board that do not exist. The first run of each query in a fresh process costs
 * several times a warm one (Prisma compiles every query through its WebAssembly query compiler, which V8 compiles
 * lazily, function by function, on first use: the two lookups took 20-45 ms of CPU in a fresh process here, 6-15 ms
 * after the warm-up, which itself costs 15-25 ms), and the first client after a restart paid it inside its cold open,
 * before any of the board could be sent.
 */
export async function warmUpAuthorization(auth: AuthServices, access: BoardAccessServices): Promise<void> {
  await auth.getSessionUser(UNKNOWN_SESSION_TOKEN);
  await access.getAccess(UNKNOWN_ID, UNKNOWN_ID);
}

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
