/**
 * A snapshot's matrix, read-only: one table row per threat, positions with
 * [n] marks pointing at the reservation/objection footnotes below it.
 */
import { delegationName, t } from "~/i18n";
import type { MatrixSnapshot } from "../../../core/matrix-snapshot";
import { positionLabel, snapshotFootnotes, workflowLabel } from "~/lib/version-labels";

interface Props {
  snapshot: MatrixSnapshot;
  caption: string;
}

export function VersionMatrix({ snapshot, caption }: Props) {
  const instruments = new Map(snapshot.instruments.map((instrument) => [instrument.id, instrument]));
  const footnotes = snapshotFootnotes(snapshot);
  const noteOf = new Map(footnotes.map((note) => [`${note.rowId}/${note.position.delegation}`, note.number]));
  if (snapshot.rows.length === 0) return <p className="muted">{t("versionView.noRows")}</p>;
  return (
    <>
      <div className="table-scroll">
        <table className="version-matrix" data-testid="version-matrix">
          <caption>{caption}</caption>
          <thead>
            <tr>
              <th scope="col">{t("versionView.colThreat")}</th>
              <th scope="col">{t("versionView.colCategory")}</th>
              <th scope="col">{t("versionView.colResponsibility")}</th>
              <th scope="col">{t("versionView.colInstruments")}</th>
              <th scope="col">{t("versionView.colState")}</th>
              <th scope="col">{t("versionView.colPositions")}</th>
            </tr>
          </thead>
          <tbody>
            {snapshot.rows.map((row) => (
              <tr key={row.id} data-row-id={row.id}>
                <th scope="row">
                  <span className="version-row-title">{row.title}</span>
                  {row.description && <p className="version-row-text">{row.description}</p>}
                  {row.notes && <p className="version-row-text muted">{row.notes}</p>}
                </th>
                <td>{t(`category.${row.category}`)}</td>
                <td>
                  <span className={`resp-pill resp-fill-${row.responsibility}`}>
                    {t(`responsibility.${row.responsibility}`)}
                  </span>
                  {row.lead && <span className="version-lead"> {t(`lead.${row.lead}`)}</span>}
                </td>
                <td>
                  <ul className="plain-list">
                    {row.instrumentIds.map((id) => {
                      const instrument = instruments.get(id);
                      return (
                        <li key={id} className={`chip owner-${instrument?.owner ?? "unknown"}`}>
                          {instrument?.name ?? t("instruments.unknown", { id })}
                        </li>
                      );
                    })}
                  </ul>
                </td>
                <td>{workflowLabel(row.workflowState)}</td>
                <td>
                  {row.positions.length === 0 ? (
                    t("versionView.noPositions")
                  ) : (
                    <ul className="plain-list">
                      {row.positions.map((position) => {
                        const note = noteOf.get(`${row.id}/${position.delegation}`);
                        return (
                          <li key={position.delegation}>
                            {t("versionView.positionEntry", {
                              delegation: position.delegation,
                              position: positionLabel(position.position),
                            })}
                            {note !== undefined && (
                              <a
                                href={`#note-${note}`}
                                className="footnote-mark"
                                aria-label={t("versionView.footnoteLabel", { n: note })}
                              >
                                {t("versionView.footnoteMark", { n: note })}
                              </a>
                            )}
                          </li>
                        );
                      })}
                    </ul>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {footnotes.length > 0 && (
        <section aria-labelledby="footnotes-heading" className="footnotes">
          <h2 id="footnotes-heading">{t("versionView.footnotesHeading")}</h2>
          <ol>
            {footnotes.map(({ number, position }) => (
              <li key={number} id={`note-${number}`} value={number}>
                {t("versionView.footnote", {
                  delegationName: delegationName(position.delegation, position.delegationName),
                  delegation: position.delegation,
                  position: positionLabel(position.position),
                  text: position.text ?? "",
                  recordedBy: position.recordedBy,
                })}
              </li>
            ))}
          </ol>
        </section>
      )}
    </>
  );
}
