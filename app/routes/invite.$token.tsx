/**
 * An invite link: what it offers (board and role) or why it cannot be used
 * (404 unknown, 410 expired/revoked/used up). Signed out: sign in or sign up
 * and come back; signed in: "Join board".
 */
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { CsrfField } from "~/components/csrf-field";
import { ErrorView } from "~/components/error-view";
import { t, tMessage } from "~/i18n";
import { readFormWithCsrf } from "~/lib/csrf.server";
import { InviteTokenSchema } from "~/lib/member-forms";
import { withNext } from "~/lib/next-path";
import { getCurrentUser, requireUser } from "~/lib/session.server";
import type { InviteProblem } from "../../core/services";

export const meta: MetaFunction = () => [
  { title: t("invite.metaTitle") },
  { name: "referrer", content: "no-referrer" },
];

const problemStatus = (problem: InviteProblem) =>
  problem === "invalid" ? 404 : problem === "removed" || problem === "not-releasable" ? 403 : 410;
/** `releasableTo`: a message ref naming the board's list (MARK-12). */
const problemData = (problem: InviteProblem, releasableTo: string | null = null) =>
  data({ problem, releasableTo, offer: null, signedIn: false, next: "/" }, { status: problemStatus(problem) });

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const token = InviteTokenSchema.safeParse(params.token);
  if (!token.success) return problemData("invalid");
  const described = await context.access.describeInvite(token.data);
  if (!described.ok) return problemData(described.problem);
  const user = await getCurrentUser(request, context);
  return {
    problem: null,
    releasableTo: null,
    offer: { boardTitle: described.boardTitle, role: described.role },
    signedIn: user !== null,
    next: `/invite/${token.data}`,
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  await readFormWithCsrf(request);
  const user = await requireUser(request, context);
  const token = InviteTokenSchema.safeParse(params.token);
  if (!token.success) return problemData("invalid");
  const accepted = await context.access.acceptInvite(user.id, token.data);
  if (!accepted.ok) return problemData(accepted.problem, accepted.releasableTo ?? null);
  return redirect(`/boards/${accepted.boardId}`);
}

export default function Invite() {
  const loaded = useLoaderData<typeof loader>();
  const acted = useActionData<typeof action>();
  const busy = useNavigation().state !== "idle";
  const problem = acted?.problem ?? loaded.problem;

  if (problem || !loaded.offer) {
    return (
      <div className="page page-narrow">
        <section className="panel" role="alert" data-testid="invite-problem" data-problem={problem ?? "invalid"}>
          <h1>{t("invite.problemHeading")}</h1>
          <p>
            {problem === "not-releasable"
              ? t("markings.inviteOutside", { releasableTo: tMessage(acted?.releasableTo ?? "") })
              : t(`invite.${problem ?? "invalid"}`)}
          </p>
          <p>
            <Link to="/">{t("errors.home")}</Link>
          </p>
        </section>
      </div>
    );
  }

  const { offer, signedIn, next } = loaded;
  return (
    <div className="page page-narrow">
      <section className="panel" aria-labelledby="invite-heading" data-testid="invite-offer" data-role={offer.role}>
        <h1 id="invite-heading">{t("invite.heading", { title: offer.boardTitle })}</h1>
        <p>{t("invite.offer", { role: t(`roles.${offer.role}`) })}</p>
        {signedIn ? (
          <Form method="post">
            <CsrfField />
            <button type="submit" className="button button-primary" disabled={busy} data-testid="join-board">
              {t("invite.join")}
            </button>
          </Form>
        ) : (
          <>
            <p className="muted">{t("invite.signedOutIntro")}</p>
            <div className="form-actions">
              <Link to={withNext("/login", next)} className="button button-primary" data-testid="invite-sign-in">
                {t("invite.signInToJoin")}
              </Link>
              <Link to={withNext("/signup", next)} className="button" data-testid="invite-sign-up">
                {t("invite.signUpToJoin")}
              </Link>
            </div>
          </>
        )}
      </section>
    </div>
  );
}

export function ErrorBoundary() {
  return <ErrorView />;
}
