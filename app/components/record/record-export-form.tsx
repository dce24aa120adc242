/**
 * Download a meeting record: a plain GET form to the export route (a file
 * download needs no JavaScript), format and the file's language.
 */
import { t, type Locale } from "~/i18n";
import { recordHref } from "~/lib/record-forms";
import { RECORD_EXPORT_FORMATS } from "../../../core/record-contract";

export function RecordExportForm({ boardId, number, language }: { boardId: string; number: number; language: Locale }) {
  return (
    <section className="panel" aria-labelledby="record-export-heading">
      <h2 id="record-export-heading">{t("record.exportHeading")}</h2>
      <form
        method="get"
        action={`${recordHref(boardId, number)}/export`}
        className="inline-form"
        data-testid="record-export-form"
      >
        <div className="form-field">
          <label htmlFor="record-export-format">{t("record.format")}</label>
          <select id="record-export-format" name="format" defaultValue="pdf">
            {RECORD_EXPORT_FORMATS.map((format) => (
              <option key={format} value={format}>
                {t(`record.${format}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="form-field">
          <label htmlFor="record-export-lang">{t("record.fileLanguage")}</label>
          <select id="record-export-lang" name="lang" defaultValue={language}>
            <option value="en">{t("languages.en")}</option>
            <option value="fr">{t("languages.fr")}</option>
          </select>
        </div>
        <button type="submit" className="button button-small">
          {t("record.download")}
        </button>
      </form>
    </section>
  );
}
