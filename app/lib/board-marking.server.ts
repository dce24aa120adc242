/**
 * The marking of the board a page belongs to, for the banner every board page shows (MARK-4). Read once in
 * the root loader from the URL, so a board page added later gets the banner without doing anything.
 */
import type { AppLoadContext } from "@remix-run/node";
import { boardMarkingText } from "../../core/releasability";
import { boardIdOfPath } from "./board-path";

export async function boardMarkingOf(
  context: Pick<AppLoadContext, "access">,
  request: Request,
  userId: string | null,
): Promise<string | null> {
  const boardId = boardIdOfPath(new URL(request.url).pathname);
  if (!boardId || !userId) return null;
  // Not a member, or outside the releasability: the page itself answers (404 / 403 naming the list).
  const access = await context.access.getAccess(boardId, userId).catch(() => null);
  return access ? boardMarkingText(access.board) : null;
}
