/**
 * Resource route for a board's comments, positions and agreement workflow:
 * GET → everything the board page shows (members only); POST → one intent.
 * The services check membership and roles (actions rely on them alone) and stamp author and delegation from the
 * session.
 */
import type { ClientActionFunctionArgs } from "@remix-run/react";
import { keepDataAfterFailure, keepInputOnFailure } from "~/lib/keep-input";
import { requestI18n } from "~/i18n/request-locale.server";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { notFound, requireBoardId, withAccessErrors } from "~/lib/board-access.server";
import { ConsensusIntentSchema, formPayload } from "~/lib/consensus-forms";
import { readFormWithCsrf } from "~/lib/csrf.server";
import { fieldErrorsIn } from "~/lib/in-language.server";
import { requireUser } from "~/lib/session.server";
import type { ActionResult } from "../../core/services";

export const shouldRevalidate = keepDataAfterFailure;

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, context);
  // Each service checks membership (404/403 through withAccessErrors): no route-level check on top of theirs. The
  // reader's role comes from the member list, which the board page needs anyway.
  const boardId = requireBoardId(params.boardId);
  const [consensus, comments, members, brackets] = await withAccessErrors(() =>
    Promise.all([
      context.consensus.getBoardConsensus(user.id, boardId),
      context.comments.list(user.id, boardId),
      context.access.listMembers(user.id, boardId),
      context.brackets.list(user.id, boardId),
    ]),
  );
  const role = members.find((member) => member.userId === user.id)?.role;
  // Removed from the board between two of the reads above: answered like any board the reader may not see.
  if (!role) notFound();
  return {
    me: { id: user.id, delegationCode: user.delegation.code, role },
    consensus,
    comments,
    brackets: brackets.brackets,
    members: members.map((member) => ({
      userId: member.userId,
      displayName: member.displayName,
      delegation: member.delegation,
      role: member.role,
    })),
  };
}

/** FORMS-1: a submission that fails (thrown answer, no network) keeps what was typed: app/lib/keep-input.ts. */
export const clientAction = ({ serverAction }: ClientActionFunctionArgs) => keepInputOnFailure(serverAction);

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireUser(request, context);
  // Every intent's service checks membership and role (404/403 through withAccessErrors): not here a second time.
  const boardId = requireBoardId(params.boardId);
  // Refusals are answered in the reader's language: the account's, then the cookie's, then Accept-Language.
  const reader = requestI18n(request, user.locale);
  const { t } = reader;
  const formData = await readFormWithCsrf(request);
  const intent = ConsensusIntentSchema.safeParse(formData.get("intent"));
  if (!intent.success) throw data(t("forms.badRequest"), { status: 400 });
  // The services refuse changes to an archived board (403) and impossible deadlines (422).
  const input = formPayload(formData);
  const { consensus, comments, brackets } = context;

  const result: ActionResult = await withAccessErrors(async (): Promise<ActionResult> => {
    switch (intent.data) {
      case "record-position":
        return consensus.recordPosition(user.id, boardId, {
          rowId: input.rowId,
          position: input.position,
          text: input.text,
        });
      case "propose":
        return consensus.propose(user.id, boardId, {
          rowId: input.rowId,
          procedure: input.procedure,
          silenceDeadline: input.silenceDeadline,
        });
      case "declare-agreed":
        return consensus.declareAgreed(user.id, boardId, input.rowId);
      case "reopen":
        return consensus.reopen(user.id, boardId, input.rowId);
      case "comment-create":
        return comments.create(user.id, boardId, input);
      case "comment-edit":
        return comments.edit(user.id, boardId, input.commentId, input.body);
      case "comment-delete":
        return comments.remove(user.id, boardId, input.commentId);
      case "comment-resolve":
      case "comment-reopen":
        return comments.setResolved(user.id, boardId, input.commentId, intent.data === "comment-resolve");
      case "bracket-propose":
        return brackets.proposeAlternative(user.id, boardId, {
          rowId: input.rowId,
          field: input.field,
          responsibility: input.responsibility,
          lead: input.lead,
          title: input.title,
        });
      case "bracket-join":
      case "bracket-leave":
        return brackets.setSponsorship(
          user.id,
          boardId,
          { alternativeId: input.alternativeId },
          intent.data === "bracket-join",
        );
      case "bracket-resolve":
        return brackets.resolve(user.id, boardId, { bracketId: input.bracketId, choice: input.choice });
      case "mentions-read":
        await comments.markMentionsRead(user.id, boardId);
        return { ok: true };
    }
  });
  // A resource route: status codes travel only on a real Response.
  if (!result.ok)
    return Response.json(
      { intent: intent.data, ok: false, fieldErrors: fieldErrorsIn(reader, result.fieldErrors) },
      { status: 422 },
    );
  return Response.json({ intent: intent.data, ok: true });
}
