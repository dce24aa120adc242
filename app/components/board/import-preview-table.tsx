/** The rows of an import file as they would be added, each with its errors (row, column, why). */
import { formatList, t, tMessage } from "~/i18n";
import type { ImportPreview, ImportProblem } from "../../../core/import-contract";
import type { InstrumentInfo } from "../../../core/services";

interface Props {
  preview: ImportPreview;
  instruments: readonly InstrumentInfo[];
}

/** Valid rows beyond this are counted, not listed; rows with errors are always listed. */
const MAX_VALID_SHOWN = 200;

const problemText = ({ column, message }: ImportProblem) =>
  t("versionImport.rowError", { column, message: tMessage(message) });

export function ImportPreviewTable({ preview, instruments }: Props) {
  const names = new Map<string, string>([...instruments, ...preview.newInstruments].map((i) => [i.id, i.name]));
  const validTotal = preview.rows.filter((row) => row.errors.length === 0).length;
  const defined = preview.newInstruments.filter((i) => !i.fromName);
  const fromNames = preview.newInstruments.filter((i) => i.fromName);
  let validShown = 0;
  const shown = preview.rows.filter((row) => row.errors.length > 0 || validShown++ < MAX_VALID_SHOWN);
  return (
    <div className="import-preview" data-testid="import-preview">
      <h3>{t("versionImport.previewHeading", { count: preview.rows.length, format: preview.format.toUpperCase() })}</h3>
      <p>{t("versionImport.validCount", { valid: validTotal, total: preview.rows.length })}</p>
      {preview.errors.length > 0 && (
        <div className="banner banner-error" role="alert">
          <p>{t("versionImport.fileErrors")}</p>
          <ul>
            {preview.errors.map((error, index) => (
              <li key={index}>
                {error.row > 0
                  ? t("versionImport.lineProblem", { line: error.row, problem: problemText(error) })
                  : problemText(error)}
              </li>
            ))}
          </ul>
        </div>
      )}
      {preview.warnings.length > 0 && (
        <div className="banner banner-warning">
          <p>{t("versionImport.warnings")}</p>
          <ul>
            {preview.warnings.map((warning, index) => (
              <li key={index}>{tMessage(warning)}</li>
            ))}
          </ul>
        </div>
      )}
      {defined.length > 0 && (
        <p>{t("versionImport.newInstruments", { names: formatList(defined.map((i) => i.name)) })}</p>
      )}
      {fromNames.length > 0 && (
        <p data-testid="import-instruments-from-names">
          {t("versionImport.instrumentsFromNames", { names: formatList(fromNames.map((i) => i.name)) })}
        </p>
      )}
      <div className="table-scroll">
        <table className="data-table import-table">
          <thead>
            <tr>
              <th scope="col">{t("versionImport.colLine")}</th>
              <th scope="col">{t("versionImport.colTitle")}</th>
              <th scope="col">{t("versionImport.colResponsibility")}</th>
              <th scope="col">{t("versionImport.colInstruments")}</th>
              <th scope="col">{t("versionImport.colStatus")}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((row) => (
              <tr
                key={row.line}
                className={row.errors.length > 0 ? "import-row-error" : undefined}
                data-line={row.line}
              >
                <th scope="row">{row.line}</th>
                {/* Rows with errors carry their title too: the user sees which threat a line is. */}
                <td>{row.value?.title ?? row.title ?? ""}</td>
                <td>{row.value?.responsibility ? t(`responsibility.${row.value.responsibility}`) : ""}</td>
                <td>
                  {/* A list, not a joined string: instrument names contain commas. */}
                  <ul className="plain-list">
                    {(row.value?.instrumentIds ?? []).map((id) => (
                      <li key={id}>{names.get(id) ?? id}</li>
                    ))}
                  </ul>
                </td>
                <td>
                  {row.errors.length === 0 ? (
                    t("versionImport.ok")
                  ) : (
                    <ul className="plain-list field-error">
                      {row.errors.map((error, index) => (
                        <li key={index}>{problemText(error)}</li>
                      ))}
                    </ul>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {validTotal > MAX_VALID_SHOWN && (
        <p className="hint">{t("versionImport.moreRows", { count: validTotal - MAX_VALID_SHOWN })}</p>
      )}
    </div>
  );
}
