/** First visit: a display name and a delegation, kept in a cookie until accounts exist. */
import { Form } from "@remix-run/react";
import { t } from "~/i18n";
import { errorProps, FieldError } from "../field-error";

interface Props {
  next: string | undefined;
  errors: Record<string, string>;
  values: Record<string, string>;
}

const FORM_ID = "identity";
const DELEGATION_EXAMPLES = [
  "Belgium",
  "Estonia",
  "France",
  "Germany",
  "Poland",
  "NATO International Staff",
  "European External Action Service",
  "European Commission",
];

export function IdentityForm({ next, errors, values }: Props) {
  return (
    <section className="panel identity-panel" aria-labelledby="identity-heading">
      <h1 id="identity-heading">{t("identity.heading")}</h1>
      <p className="muted">{t("identity.intro")}</p>
      <Form method="post" className="form-stack" data-testid="identity-form" noValidate>
        <input type="hidden" name="intent" value="identify" />
        {next && <input type="hidden" name="next" value={next} />}
        <div className="form-field">
          <label htmlFor="identity-name">{t("identity.name")}</label>
          <input id="identity-name" name="name" type="text" autoComplete="name" required maxLength={80} defaultValue={values.name} {...errorProps(FORM_ID, "name", errors.name)} />
          <FieldError formId={FORM_ID} field="name" message={errors.name} />
        </div>
        <div className="form-field">
          <label htmlFor="identity-delegation">{t("identity.delegation")}</label>
          <input
            id="identity-delegation"
            name="delegation"
            type="text"
            list="delegation-examples"
            required
            maxLength={80}
            defaultValue={values.delegation}
            aria-describedby={errors.delegation ? "identity-delegation-error identity-delegation-hint" : "identity-delegation-hint"}
            aria-invalid={errors.delegation ? true : undefined}
          />
          <datalist id="delegation-examples">
            {DELEGATION_EXAMPLES.map((example) => (
              <option key={example} value={example} />
            ))}
          </datalist>
          <p id="identity-delegation-hint" className="hint">
            {t("identity.delegationHint")}
          </p>
          <FieldError formId={FORM_ID} field="delegation" message={errors.delegation} />
        </div>
        <div className="form-actions">
          <button type="submit" className="button button-primary">
            {t("identity.submit")}
          </button>
        </div>
      </Form>
    </section>
  );
}
