/**
 * Guards for board routes: the board in the URL and the signed-in user's role
 * on it. A board the user may not see answers exactly like one that does not
 * exist (404), so ids cannot be probed. Messages are refs: the error page translates them.
 */
import { data, type AppLoadContext } from "@remix-run/node";
import { ref } from "../i18n";
import type { BoardRole, BoardSummary } from "../../core/services";
import { isAccessDenied, notReleasableList } from "../../core/access-errors";
import { parseReleasability, releasabilityRef } from "../../core/releasability";
import { requireBoardRole, type RoleRule } from "../../core/require-board-role";
import { parseMessageRef } from "../../core/message-ref";
import { BoardIdSchema } from "./board-forms";

export function notFound(): never {
  throw data(ref("errors.boardNotFound"), { status: 404 });
}

export function forbidden(): never {
  throw data(ref("errors.forbidden"), { status: 403 });
}

/** A member outside the board's releasability: 403 naming the list, in the reader's language (MARK-13). */
function refuseIfNotReleasable(error: unknown): void {
  const list = notReleasableList(error);
  if (list !== null)
    throw data(ref("markings.notReleasable", { releasableTo: releasabilityRef(parseReleasability(list)) }), {
      status: 403,
    });
}

/** The board in the URL and the user's role on it, through the one board guard (404, or 403 when `rule` refuses). */
export async function requireBoardAccess(
  context: Pick<AppLoadContext, "access">,
  boardIdParam: string | undefined,
  userId: string,
  rule?: RoleRule,
): Promise<{ board: BoardSummary; role: BoardRole }> {
  const boardId = requireBoardId(boardIdParam);
  return withAccessErrors(() => requireBoardRole(context.access, userId, boardId, rule));
}

/**
 * Only the board id in the URL (a malformed one is answered like a missing board), for actions whose service
 * checks membership and role itself: checking them here too would read them twice.
 */
export function requireBoardId(boardIdParam: string | undefined): string {
  const boardId = BoardIdSchema.safeParse(boardIdParam);
  if (!boardId.success) notFound();
  return boardId.data;
}

/** Runs a board service call, turning AccessDenied into the matching 403/404 response. */
export async function withAccessErrors<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (isAccessDenied(error)) {
      refuseIfNotReleasable(error);
      if (error.status === 404) notFound();
      // The service's reason is a ref ("your role does not allow this", "archived"): the error page translates it.
      throw data(parseMessageRef(error.message) ? error.message : ref("errors.forbidden"), { status: 403 });
    }
    throw error;
  }
}
