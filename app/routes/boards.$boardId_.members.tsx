/**
 * Members of a board. Everyone who can see the board sees the list; the chair
 * also changes roles, removes people, adds existing accounts and manages invite links.
 */
import { requestI18n } from "~/i18n/request-locale.server";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { ErrorView } from "~/components/error-view";
import { Message } from "~/components/message";
import { AddMemberForm } from "~/components/members/add-member-form";
import { InviteForm } from "~/components/members/invite-form";
import { InviteList } from "~/components/members/invite-list";
import { MemberTable } from "~/components/members/member-table";
import { ForumPanel } from "~/components/members/forum-panel";
import { t } from "~/i18n";
import { isAccessDenied } from "../../core/access-errors";
import { notFound, requireBoardAccess, withAccessErrors } from "~/lib/board-access.server";
import { ChangeForumFormSchema, parseForm } from "~/lib/board-forms";
import { readFormWithCsrf } from "~/lib/csrf.server";
import { inviteStatus } from "~/lib/invite-status";
import {
  AddMemberFormSchema,
  ChangeRoleFormSchema,
  CreateInviteFormSchema,
  MemberIntentSchema,
  RemoveMemberFormSchema,
  RevokeInviteFormSchema,
  type MemberActionResult,
  type MemberIntent,
} from "~/lib/member-forms";
import { ROLE_CAN } from "../../core/roles";
import { requireUser } from "~/lib/session.server";

export const meta: MetaFunction<typeof loader> = ({ data: loaded }) => [
  { title: loaded ? t("members.metaTitle", { title: loaded.board.title }) : t("app.name") },
];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, context);
  const { board, role } = await requireBoardAccess(context, params.boardId, user.id);
  const canManage = ROLE_CAN.manageMembers(role);
  const members = await withAccessErrors(() => context.access.listMembers(user.id, board.id));
  const now = Date.now();
  const invites = canManage
    ? (await withAccessErrors(() => context.access.listInvites(user.id, board.id))).map((invite) => ({
        ...invite,
        status: inviteStatus(invite, now),
      }))
    : [];
  return {
    board: { id: board.id, title: board.title, forum: board.forum },
    canManage,
    selfId: user.id,
    // Emails are for the chair (to tell accounts apart); others see names and delegations.
    members: members.map(({ email, ...member }) => ({ ...member, email: canManage ? email : null })),
    invites,
    origin: new URL(request.url).origin,
  };
}

const result = (intent: MemberIntent, extra: Partial<MemberActionResult> = {}, status = 200) =>
  data<MemberActionResult>({ intent, ok: status < 300, fieldErrors: {}, values: {}, ...extra }, { status });

/** Changing or removing a member; the only refusal left for a chair is losing the board's last chair. */
async function unlessLastChair(intent: MemberIntent, userId: string, change: () => Promise<void>) {
  try {
    await change();
  } catch (error) {
    if (isAccessDenied(error) && error.status === 403)
      return result(intent, { fieldErrors: { form: t("members.lastChair") }, values: { userId } }, 403);
    if (isAccessDenied(error)) notFound();
    throw error;
  }
  return result(intent, { values: { userId } });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { t } = requestI18n(request);
  const formData = await readFormWithCsrf(request);
  const user = await requireUser(request, context);
  const { board } = await requireBoardAccess(context, params.boardId, user.id, {
    may: ROLE_CAN.manageMembers,
    to: "manage members",
  });
  const parsedIntent = MemberIntentSchema.safeParse(formData.get("intent"));
  if (!parsedIntent.success)
    return data<MemberActionResult>(
      { intent: null, ok: false, fieldErrors: { form: t("forms.badRequest") }, values: {} },
      { status: 400 },
    );
  const intent = parsedIntent.data;
  const { access } = context;

  switch (intent) {
    case "change-role": {
      const parsed = parseForm(ChangeRoleFormSchema, formData);
      if (!parsed.success) return result(intent, { fieldErrors: parsed.fieldErrors, values: parsed.values }, 422);
      const { userId, role: newRole } = parsed.data;
      return unlessLastChair(intent, userId, () => access.changeRole(user.id, board.id, userId, newRole));
    }
    case "remove": {
      const parsed = parseForm(RemoveMemberFormSchema, formData);
      if (!parsed.success) return result(intent, { fieldErrors: parsed.fieldErrors, values: parsed.values }, 422);
      const { userId } = parsed.data;
      return unlessLastChair(intent, userId, () => access.removeMember(user.id, board.id, userId));
    }
    case "add": {
      const parsed = parseForm(AddMemberFormSchema, formData);
      if (!parsed.success) return result(intent, { fieldErrors: parsed.fieldErrors, values: parsed.values }, 422);
      const { email, role: newRole } = parsed.data;
      const added = await withAccessErrors(() => access.addMemberByEmail(user.id, board.id, email, newRole));
      if (!added.ok)
        return result(
          intent,
          { fieldErrors: added.fieldErrors as Record<string, string>, values: { email, role: newRole } },
          422,
        );
      return result(intent, { values: { email } });
    }
    case "create-invite": {
      const parsed = parseForm(CreateInviteFormSchema, formData);
      if (!parsed.success) return result(intent, { fieldErrors: parsed.fieldErrors, values: parsed.values }, 422);
      const { token, invite } = await withAccessErrors(() => access.createInvite(user.id, board.id, parsed.data));
      return result(intent, { token, inviteRole: invite.role });
    }
    case "change-forum": {
      const parsed = parseForm(ChangeForumFormSchema, formData);
      if (!parsed.success) return result(intent, { fieldErrors: parsed.fieldErrors, values: parsed.values }, 422);
      const changed = await withAccessErrors(() => context.consensus.changeForum(user.id, board.id, parsed.data));
      if (!changed.ok) return result(intent, { fieldErrors: changed.fieldErrors as Record<string, string> }, 422);
      return result(intent, { values: { forum: parsed.data.forum } });
    }
    case "revoke-invite": {
      const parsed = parseForm(RevokeInviteFormSchema, formData);
      if (!parsed.success) return result(intent, { fieldErrors: parsed.fieldErrors }, 422);
      await withAccessErrors(() => access.revokeInvite(user.id, board.id, parsed.data.inviteId));
      return result(intent);
    }
  }
}

export default function BoardMembers() {
  const { board, canManage, selfId, members, invites, origin } = useLoaderData<typeof loader>();
  return (
    <div className="page members-page">
      <Link to={`/boards/${board.id}`} className="back-link" data-testid="back-to-board">
        <span aria-hidden="true">←</span> {t("members.backToBoard")}
      </Link>
      <section className="panel" aria-labelledby="members-heading">
        <h1 id="members-heading">
          <Message
            id="common.headingOnBoard"
            values={{ heading: t("members.heading"), board: <bdi className="muted">{board.title}</bdi> }}
          />
        </h1>
        {!canManage && <p className="muted">{t("members.readOnlyNote")}</p>}
        <MemberTable members={members} selfId={selfId} canManage={canManage} forum={board.forum} />
      </section>
      <ForumPanel forum={board.forum} canManage={canManage} />
      {canManage && (
        <>
          <AddMemberForm />
          <InviteForm origin={origin} />
          <InviteList invites={invites} />
        </>
      )}
    </div>
  );
}

export function ErrorBoundary() {
  return <ErrorView />;
}
