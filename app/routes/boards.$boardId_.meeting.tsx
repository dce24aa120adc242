/**
 * Resource route for a board's meeting (decision 021): GET → the agenda, the current item, the speaking list,
 * the speaker and the timer, with the server's clock (members only); POST → one intent. The services check roles
 * again (chair-only actions answer 403) and stamp the delegation of a raised hand from the session.
 */
import type { ClientActionFunctionArgs } from "@remix-run/react";
import { keepDataAfterFailure, keepInputOnFailure } from "~/lib/keep-input";
import { requestI18n } from "~/i18n/request-locale.server";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { requireBoardAccess, withAccessErrors } from "~/lib/board-access.server";
import { readFormWithCsrf } from "~/lib/csrf.server";
import { MeetingIntentSchema, meetingPayload } from "~/lib/meeting-forms";
import { requireUser } from "~/lib/session.server";
import type { ActionResult } from "../../core/services";

export const shouldRevalidate = keepDataAfterFailure;

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, context);
  const { board, role } = await requireBoardAccess(context, params.boardId, user.id);
  const meeting = await withAccessErrors(() => context.meeting.getMeeting(user.id, board.id));
  return { me: { delegationCode: user.delegation.code, role }, meeting };
}

/** FORMS-1: a submission that fails (thrown answer, no network) keeps what was typed: app/lib/keep-input.ts. */
export const clientAction = ({ serverAction }: ClientActionFunctionArgs) => keepInputOnFailure(serverAction);

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { t } = requestI18n(request);
  const user = await requireUser(request, context);
  const { board } = await requireBoardAccess(context, params.boardId, user.id);
  const formData = await readFormWithCsrf(request);
  const intent = MeetingIntentSchema.safeParse(formData.get("intent"));
  if (!intent.success) throw data(t("forms.badRequest"), { status: 400 });
  const input = meetingPayload(formData);
  const { meeting } = context;
  const [actor, boardId] = [user.id, board.id];

  const result: ActionResult = await withAccessErrors(async (): Promise<ActionResult> => {
    switch (intent.data) {
      case "add-item":
        return meeting.addItem(actor, boardId, { title: input.title, rowIds: input.rowIds });
      case "move-item":
        return meeting.moveItem(actor, boardId, { itemId: input.itemId, direction: input.direction });
      case "remove-item":
        return meeting.removeItem(actor, boardId, { itemId: input.itemId });
      case "set-current":
        return meeting.setCurrentItem(actor, boardId, { itemId: input.itemId ?? null });
      case "next-item":
        return meeting.nextItem(actor, boardId);
      case "raise-hand":
        return meeting.raiseHand(actor, boardId);
      case "lower-hand":
        return meeting.lowerHand(actor, boardId);
      case "give-floor":
        return meeting.giveFloor(actor, boardId, { delegationCode: input.delegationCode });
      case "end-intervention":
        return meeting.endIntervention(actor, boardId);
      case "clear-list":
        return meeting.clearList(actor, boardId);
      case "set-timer":
        return meeting.setTimer(actor, boardId, { seconds: input.seconds });
    }
  });
  // A resource route: status codes travel only on a real Response.
  if (!result.ok) return Response.json({ intent: intent.data, ...result }, { status: 422 });
  return Response.json({ intent: intent.data, ok: true });
}
