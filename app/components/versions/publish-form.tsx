/** The chair's form: title and which threats go into the next version. */
import { Form } from "@remix-run/react";
import { useRef, type ReactNode } from "react";
import { useFocusFirstInvalid } from "~/hooks/use-focus-invalid";
import { t } from "~/i18n";
import { PUBLISH_INTENT, VERSION_TITLE_MAX } from "~/lib/version-forms";
import { errorProps, FieldError } from "../field-error";

interface Props {
  nextNumber: number;
  fieldErrors: Record<string, string | undefined>;
  values: Record<string, string>;
  submitting: boolean;
  /** The CSRF field. */
  children: ReactNode;
}

const FORM_ID = "publish";
// Keys, not strings: translated at render time.
const SCOPES = [
  { value: "agreed", label: "versions.scopeAgreed", hint: "versions.scopeAgreedHint" },
  { value: "all", label: "versions.scopeAll", hint: "versions.scopeAllHint" },
] as const;

export function PublishForm({ nextNumber, fieldErrors, values, submitting, children }: Props) {
  const scope = values.scope ?? "agreed";
  const formRef = useRef<HTMLFormElement>(null);
  useFocusFirstInvalid(formRef, fieldErrors);
  return (
    <section className="panel" aria-labelledby="publish-heading">
      <h2 id="publish-heading">{t("versions.publishHeading", { number: nextNumber })}</h2>
      <p className="hint">{t("versions.publishIntro")}</p>
      <Form ref={formRef} method="post" className="form-stack" noValidate data-testid="publish-form">
        {children}
        <input type="hidden" name="intent" value={PUBLISH_INTENT} />
        <div className="form-field">
          <label htmlFor="publish-title">{t("versions.publishTitle")}</label>
          <input
            id="publish-title"
            name="title"
            type="text"
            required
            maxLength={VERSION_TITLE_MAX}
            defaultValue={values.title}
            {...errorProps(FORM_ID, "title", fieldErrors.title, "publish-title-hint")}
          />
          <p id="publish-title-hint" className="hint">
            {t("versions.publishTitleHint")}
          </p>
          <FieldError formId={FORM_ID} field="title" message={fieldErrors.title} />
        </div>
        <fieldset className="form-field template-choice" {...errorProps(FORM_ID, "scope", fieldErrors.scope)}>
          <legend>{t("versions.scope")}</legend>
          {SCOPES.map(({ value, label, hint }) => (
            <div className="choice" key={value}>
              <input
                type="radio"
                id={`scope-${value}`}
                name="scope"
                value={value}
                defaultChecked={scope === value}
                aria-describedby={`scope-${value}-hint`}
              />
              <label htmlFor={`scope-${value}`}>{t(label)}</label>
              <span id={`scope-${value}-hint`} className="hint">
                {t(hint)}
              </span>
            </div>
          ))}
          <FieldError formId={FORM_ID} field="scope" message={fieldErrors.scope} />
        </fieldset>
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={submitting}>
            {submitting ? t("versions.publishing") : t("versions.publish")}
          </button>
        </div>
      </Form>
    </section>
  );
}
