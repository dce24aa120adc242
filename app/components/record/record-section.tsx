/**
 * One section of a meeting record. The chair gets a textarea and a save
 * button; once edited, the text generated from the board's events is shown
 * below with "use the generated text" (regenerating never overwrites the
 * chair's text, decision 022). Everyone else reads the text as written.
 */
import { Form } from "@remix-run/react";
import { CsrfField } from "~/components/csrf-field";
import { FieldError, fieldErrorId } from "~/components/field-error";
import { t } from "~/i18n";
import { SECTION_LABELS } from "~/lib/record-forms";
import { RECORD_SECTION_MAX_CHARS, type RecordSection } from "../../../core/record-contract";

interface Props {
  section: RecordSection;
  canEdit: boolean;
  /** This section was just saved (announced). */
  saved: boolean;
  error?: string;
}

export function RecordSectionView({ section, canEdit, saved, error }: Props) {
  const headingId = `section-${section.key}-heading`;
  const formId = `section-${section.key}`;
  const heading = t(SECTION_LABELS[section.key]);
  return (
    <section className="panel record-section" aria-labelledby={headingId} data-section={section.key}>
      <h2 id={headingId}>{heading}</h2>
      {canEdit ? (
        <Form method="post" id={formId} className="stacked-form">
          <CsrfField />
          <input type="hidden" name="intent" value="save" />
          <input type="hidden" name="section" value={section.key} />
          <label htmlFor={`${formId}-text`} className="visually-hidden">
            {t("record.sectionText", { section: heading })}
          </label>
          <textarea
            id={`${formId}-text`}
            name="text"
            rows={Math.min(16, Math.max(4, section.text.split("\n").length + 1))}
            maxLength={RECORD_SECTION_MAX_CHARS}
            defaultValue={section.text}
            key={section.text}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? fieldErrorId(formId, "text") : undefined}
            data-testid={`section-text-${section.key}`}
          />
          <FieldError formId={formId} field="text" message={error} />
          <div className="inline-form">
            <button type="submit" className="button button-small" data-testid={`section-save-${section.key}`}>
              {t("record.save")}
            </button>
            <span role="status" className="hint">
              {saved ? t("record.saved") : ""}
            </span>
          </div>
        </Form>
      ) : (
        <div className="record-text" data-testid={`section-text-${section.key}`}>
          {section.text}
        </div>
      )}
      {canEdit && section.edited && (
        <div className="record-generated" data-testid={`section-generated-${section.key}`}>
          <p className="hint">{t("record.edited")}</p>
          <h3>{t("record.generatedText")}</h3>
          <div className="record-text">{section.generated}</div>
          <Form method="post">
            <CsrfField />
            <input type="hidden" name="intent" value="use-generated" />
            <input type="hidden" name="section" value={section.key} />
            <button type="submit" className="button button-small" data-testid={`section-reset-${section.key}`}>
              {t("record.useGenerated")}
            </button>
          </Form>
        </div>
      )}
    </section>
  );
}
