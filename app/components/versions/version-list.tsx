/** Published versions as a table: number, title, time, publisher, procedure, size, short fingerprint, links. */
import { Link } from "@remix-run/react";
import { t } from "~/i18n";
import type { VersionSummary } from "../../../core/version-contract";
import { diffHref } from "~/lib/version-forms";
import { formatPublishedAt, procedureLabel } from "~/lib/version-labels";

interface Props {
  boardId: string;
  versions: readonly VersionSummary[];
}

export function VersionList({ boardId, versions }: Props) {
  if (versions.length === 0)
    return (
      <p className="muted" data-testid="no-versions">
        {t("versions.none")}
      </p>
    );
  return (
    <div className="table-scroll">
      <table className="data-table version-list" data-testid="version-list">
        <caption className="visually-hidden">{t("versions.listCaption")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("versions.colVersion")}</th>
            <th scope="col">{t("versions.colTitle")}</th>
            <th scope="col">{t("versions.colPublished")}</th>
            <th scope="col">{t("versions.colPublisher")}</th>
            <th scope="col">{t("versions.colProcedure")}</th>
            <th scope="col">{t("versions.colThreats")}</th>
            <th scope="col">{t("versions.colFingerprint")}</th>
            <th scope="col">{t("versions.colLinks")}</th>
          </tr>
        </thead>
        <tbody>
          {versions.map((version, index) => {
            const previous = versions[index + 1];
            return (
              <tr key={version.number} data-version={version.number}>
                <th scope="row">
                  <Link
                    to={`/boards/${boardId}/versions/${version.number}`}
                    aria-label={t("versions.view", { number: version.number })}
                  >
                    {t("versions.versionLabel", { number: version.number })}
                  </Link>
                </th>
                <td>{version.title}</td>
                <td>
                  <time dateTime={version.publishedAt}>{formatPublishedAt(version.publishedAt)}</time>
                </td>
                <td>
                  {t("versions.publisher", {
                    name: version.publishedByName,
                    delegation: version.publishedByDelegation,
                  })}
                </td>
                <td>{procedureLabel(version.procedure)}</td>
                <td>{version.rowCount}</td>
                <td>
                  <code title={t("versions.fingerprintTitle", { fingerprint: version.fingerprint })}>
                    {version.fingerprint.slice(0, 12)}
                  </code>
                </td>
                <td>
                  <ul className="plain-list">
                    {previous && (
                      <li>
                        <Link to={diffHref(boardId, previous.number, version.number)}>
                          {t("versions.diffPrevious", { from: previous.number })}
                        </Link>
                      </li>
                    )}
                    <li>
                      <Link to={diffHref(boardId, version.number, "live")}>{t("versions.diffLive")}</Link>
                    </li>
                  </ul>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
