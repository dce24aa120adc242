/**
 * Resource route: every position recorded on one row, newest first
 * (`?rowId=…`), for the row panel's "Show history". Members only.
 */
import { keepDataAfterFailure } from "~/lib/keep-input";
import { requestI18n } from "~/i18n/request-locale.server";
import { data, type LoaderFunctionArgs } from "@remix-run/node";
import * as z from "../../core/zod";
import { requireBoardAccess, withAccessErrors } from "~/lib/board-access.server";
import { requireUser } from "~/lib/session.server";

const PositionHistoryQuerySchema = z.object({ rowId: z.string().min(1).max(64) });

export const shouldRevalidate = keepDataAfterFailure;

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { t } = requestI18n(request);
  const user = await requireUser(request, context);
  const { board } = await requireBoardAccess(context, params.boardId, user.id);
  const query = PositionHistoryQuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!query.success) throw data(t("forms.badRequest"), { status: 400 });
  const history = await withAccessErrors(() => context.consensus.positionHistory(user.id, board.id, query.data.rowId));
  return { rowId: query.data.rowId, history };
}
