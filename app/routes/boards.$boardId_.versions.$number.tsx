/**
 * One published version, read-only: header (who, when, how adopted,
 * fingerprint), the pictures, the matrix with reservation footnotes, exports.
 * There is no way to edit it: every POST answers 405.
 */
import { requestI18n, requestLocale } from "~/i18n/request-locale.server";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { CoverageHeatmap } from "~/components/board/coverage-heatmap";
import { ResponsibilitySummary } from "~/components/board/responsibility-summary";
import { ErrorView } from "~/components/error-view";
import { Message } from "~/components/message";
import { ExportPanel } from "~/components/versions/export-panel";
import { VersionMatrix } from "~/components/versions/version-matrix";
import { delegationName, formatList, t } from "~/i18n";
import { notFound, requireBoardAccess, withAccessErrors } from "~/lib/board-access.server";
import { requireUser } from "~/lib/session.server";
import { diffHref, VersionNumberSchema } from "~/lib/version-forms";
import { formatPublishedAt, procedureLabel } from "~/lib/version-labels";
import { forumLabel, standingWord } from "~/lib/forum-labels";
import { getVersionServices } from "~/lib/versions.server";

export const meta: MetaFunction<typeof loader> = ({ data: loaded }) => [
  {
    title: loaded
      ? t("versionView.metaTitle", {
          number: loaded.summary.number,
          versionTitle: loaded.summary.title,
          title: loaded.board.title,
        })
      : t("app.name"),
  },
];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { t } = requestI18n(request);
  const user = await requireUser(request, context);
  const { board } = await requireBoardAccess(context, params.boardId, user.id);
  const number = VersionNumberSchema.safeParse(params.number);
  if (!number.success) throw data(t("forms.badRequest"), { status: 400 });
  // Worded for the reader (I18N-14): official French instrument titles on the matrix, heatmap and membership.
  const locale = requestLocale(request, user.locale);
  const detail = await withAccessErrors(() =>
    getVersionServices(context).getVersion(user.id, board.id, number.data, { locale }),
  );
  if (!detail) notFound();
  return { board: { id: board.id, title: board.title }, ...detail };
}

/** Published versions are immutable: nothing may be posted here. */
export async function action({ request, params, context }: ActionFunctionArgs) {
  const { t } = requestI18n(request);
  const user = await requireUser(request, context);
  await requireBoardAccess(context, params.boardId, user.id);
  throw data(t("errors.methodNotAllowed"), { status: 405, headers: { Allow: "GET, HEAD" } });
}

export default function VersionPage() {
  const { board, summary, snapshot, intact } = useLoaderData<typeof loader>();
  const version = snapshot.version;
  return (
    <div className="page version-page">
      <Link to={`/boards/${board.id}/versions`} className="back-link">
        <span aria-hidden="true">←</span> {t("versionView.backToVersions")}
      </Link>
      <h1>
        <Message
          id="common.headingOnBoard"
          values={{
            heading: t("versionView.heading", { number: summary.number, versionTitle: summary.title }),
            board: <bdi className="muted">{board.title}</bdi>,
          }}
        />
      </h1>
      <p className="hint">{t("versionView.readOnly")}</p>
      <dl className="version-meta">
        <dt>{t("versionView.published")}</dt>
        <dd>
          <time dateTime={summary.publishedAt}>{formatPublishedAt(summary.publishedAt)}</time>
        </dd>
        <dt>{t("versionView.publishedBy")}</dt>
        <dd>{t("versions.publisher", { name: summary.publishedByName, delegation: summary.publishedByDelegation })}</dd>
        <dt>{t("versionView.procedure")}</dt>
        <dd>{procedureLabel(summary.procedure)}</dd>
        <dt>{t("versionView.delegationsPresent")}</dt>
        <dd>
          {snapshot.delegationsPresent.length > 0
            ? formatList(snapshot.delegationsPresent)
            : t("versionView.noDelegations")}
        </dd>
        {snapshot.forum && (
          <>
            <dt>{t("forums.label")}</dt>
            <dd data-testid="version-forum">{forumLabel(snapshot.forum)}</dd>
          </>
        )}
        {snapshot.marking && (
          <>
            <dt>{t("markings.markingLabel")}</dt>
            <dd data-testid="version-marking">{snapshot.marking}</dd>
          </>
        )}
        {snapshot.membership && snapshot.membership.length > 0 && (
          <>
            <dt>{t("versionView.membership")}</dt>
            <dd>
              <ul className="plain-list" data-testid="version-membership">
                {snapshot.membership.map((member) => (
                  <li key={member.code} data-delegation={member.code}>
                    <bdi>{delegationName(member.code, member.name)}</bdi> — {standingWord(member.standing)}
                  </li>
                ))}
              </ul>
            </dd>
          </>
        )}
        <dt>{t("versionView.fingerprint")}</dt>
        <dd>
          <code className="fingerprint" data-testid="fingerprint">
            {summary.fingerprint}
          </code>{" "}
          {intact ? (
            <span className="badge badge-ok">{t("versionView.intact")}</span>
          ) : (
            <span className="badge badge-danger" role="alert">
              {t("versionView.notIntact")}
            </span>
          )}
        </dd>
      </dl>
      <p className="link-row">
        {summary.number > 1 && (
          <Link to={diffHref(board.id, summary.number - 1, summary.number)}>
            {t("versions.diffPrevious", { from: summary.number - 1 })}
          </Link>
        )}
        <Link to={diffHref(board.id, summary.number, "live")}>{t("versions.diffLive")}</Link>
      </p>
      <ResponsibilitySummary rows={snapshot.rows} />
      <VersionMatrix
        snapshot={snapshot}
        caption={t("versionView.matrixCaption", { number: version?.number ?? summary.number, title: board.title })}
      />
      <CoverageHeatmap rows={snapshot.rows} instruments={snapshot.instruments} />
      <ExportPanel boardId={board.id} source={summary.number} />
    </div>
  );
}

export function ErrorBoundary() {
  return <ErrorView />;
}
