/**
 * What changed between two versions, or a version and the live board
 * (?from=1&to=live): the threats side by side, then the change list.
 * The same list as JSON: /boards/:id/diff.json with the same query.
 */
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { ResponsibilitySummary } from "~/components/board/responsibility-summary";
import { ErrorView } from "~/components/error-view";
import { Message } from "~/components/message";
import { DiffView } from "~/components/versions/diff-view";
import { t } from "~/i18n";
import type { SnapshotSource } from "../../core/version-contract";
import { diffHref, sourceParam } from "~/lib/version-forms";
import { describeChange } from "~/lib/version-labels";
import { getVersionServices, requireDiff } from "~/lib/versions.server";
import { requireUser } from "~/lib/session.server";

export const meta: MetaFunction<typeof loader> = ({ data: loaded }) => [
  { title: loaded ? t("versionDiff.metaTitle", { title: loaded.board.title }) : t("app.name") },
];

export async function loader(args: LoaderFunctionArgs) {
  const { board, diff } = await requireDiff(args, { worded: true });
  const user = await requireUser(args.request, args.context);
  const versions = await getVersionServices(args.context).listVersions(user.id, board.id);
  return { board, diff, versions: versions.map(({ number, title }) => ({ number, title })) };
}

const labelOf = (source: SnapshotSource) =>
  source === "live" ? t("versionDiff.live") : t("versionDiff.versionLabel", { number: source });

export default function DiffPage() {
  const { board, diff, versions } = useLoaderData<typeof loader>();
  const { a, b, changes } = diff;
  const names = new Map([...a.instruments, ...b.instruments].map((instrument) => [instrument.id, instrument.name]));
  const fromLabel = labelOf(diff.from);
  const toLabel = labelOf(diff.to);
  return (
    <div className="page diff-page">
      <Link to={`/boards/${board.id}/versions`} className="back-link">
        <span aria-hidden="true">←</span> {t("versionView.backToVersions")}
      </Link>
      <h1>
        <Message
          id="common.headingOnBoard"
          values={{
            heading: t("versionDiff.heading", { from: fromLabel, to: toLabel }),
            board: <bdi className="muted">{board.title}</bdi>,
          }}
        />
      </h1>
      <Form method="get" className="inline-form">
        {(["from", "to"] as const).map((side) => (
          <div className="form-field" key={side}>
            <label htmlFor={`diff-${side}`}>{t(side === "from" ? "versionDiff.from" : "versionDiff.to")}</label>
            <select id={`diff-${side}`} name={side} defaultValue={sourceParam(diff[side])}>
              <option value="live">{t("versions.live")}</option>
              {versions.map((version) => (
                <option key={version.number} value={version.number}>
                  {t("versionExport.version", { number: version.number, title: version.title })}
                </option>
              ))}
            </select>
          </div>
        ))}
        <button type="submit" className="button button-small">
          {t("versions.compare")}
        </button>
      </Form>
      <p className="link-row">
        <span data-testid="change-count">
          {changes.length === 1 ? t("versionDiff.countOne") : t("versionDiff.count", { count: changes.length })}
        </span>
        <a href={diffHref(board.id, diff.from, diff.to, true)}>{t("versionDiff.json")}</a>
      </p>
      <div className="diff-summaries">
        <ResponsibilitySummary rows={a.rows} heading={fromLabel} />
        <ResponsibilitySummary rows={b.rows} heading={toLabel} />
      </div>
      {changes.length === 0 ? (
        <p className="muted">{t("versionDiff.none")}</p>
      ) : (
        <>
          <DiffView a={a} b={b} changes={changes} fromLabel={fromLabel} toLabel={toLabel} />
          <section aria-labelledby="change-list-heading">
            <h2 id="change-list-heading">{t("versionDiff.listHeading")}</h2>
            <ol className="change-list" data-testid="change-list">
              {changes.map((change, index) => (
                <li key={index} className={`change change-${change.kind}`}>
                  {describeChange(change, (id) => names.get(id) ?? id)}
                </li>
              ))}
            </ol>
          </section>
        </>
      )}
    </div>
  );
}

export function ErrorBoundary() {
  return <ErrorView />;
}
