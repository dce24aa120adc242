/**
 * The board's activity feed, newest first, optionally for one delegation
 * (`?delegation=DE`). A page of its own without JavaScript; the board's side
 * panel loads the same data with a fetcher.
 */
import { keepDataAfterFailure } from "~/lib/keep-input";
import { requestI18n, requestLocale } from "~/i18n/request-locale.server";
import { data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { ActivityList } from "~/components/activity/activity-list";
import { DelegationFilter } from "~/components/activity/delegation-filter";
import { ErrorView } from "~/components/error-view";
import { t } from "~/i18n";
import { requireBoardAccess } from "~/lib/board-access.server";
import { ActivityQuerySchema } from "~/lib/member-forms";
import { requireUser } from "~/lib/session.server";

const ACTIVITY_LIMIT = 100;

export const meta: MetaFunction<typeof loader> = ({ data: loaded }) => [
  { title: loaded ? t("activity.metaTitle", { title: loaded.board.title }) : t("app.name") },
];

export const shouldRevalidate = keepDataAfterFailure;

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { t } = requestI18n(request);
  const user = await requireUser(request, context);
  const { collator, delegationName } = requestI18n(request, user.locale);
  const { board } = await requireBoardAccess(context, params.boardId, user.id);
  const query = ActivityQuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!query.success) throw data(t("forms.badRequest"), { status: 400 });
  const delegation = query.data.delegation ?? null;
  const [items, members, instruments] = await Promise.all([
    context.access.listActivity(user.id, board.id, { delegationCode: delegation ?? undefined, limit: ACTIVITY_LIMIT }),
    context.access.listMembers(user.id, board.id),
    context.services.listInstruments(board.id, requestLocale(request, user.locale)),
  ]);
  const delegations = new Map(members.map((member) => [member.delegation.code, member.delegation.name]));
  for (const item of items)
    if (item.delegationCode && item.delegationName) delegations.set(item.delegationCode, item.delegationName);
  // Names of the instruments the entries mention, not the whole catalogue.
  const mentioned = new Set(items.map((item) => item.detail.instrument).filter((id): id is string => Boolean(id)));
  const instrumentNames = Object.fromEntries(instruments.filter((i) => mentioned.has(i.id)).map((i) => [i.id, i.name]));
  return {
    board: { id: board.id, title: board.title },
    delegation,
    delegations: [...delegations]
      .map(([code, name]) => ({ code, name: delegationName(code, name) }))
      .sort((a, b) => collator.compare(a.name, b.name)),
    items,
    instrumentNames,
  };
}

export default function BoardActivity() {
  const { board, delegation, delegations, items, instrumentNames } = useLoaderData<typeof loader>();
  return (
    <div className="page">
      <Link to={`/boards/${board.id}`} className="back-link">
        <span aria-hidden="true">←</span> {t("members.backToBoard")}
      </Link>
      <section className="panel" aria-labelledby="activity-heading">
        <h1 id="activity-heading">{t("activity.pageHeading", { title: board.title })}</h1>
        <Form method="get" className="inline-form">
          <DelegationFilter id="activity-page-delegation" delegations={delegations} value={delegation ?? ""} />
          <button type="submit" className="button button-small">
            {t("activity.apply")}
          </button>
        </Form>
        <ActivityList items={items} instrumentNames={instrumentNames} />
      </section>
    </div>
  );
}

export function ErrorBoundary() {
  return <ErrorView />;
}
