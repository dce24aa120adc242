/** Adds a board-specific instrument (posted to the board route's action); it then appears in the pickers. */
import { useFetcher } from "@remix-run/react";
import { useEffect, useId, useRef, useState } from "react";
import { useFocusFirstInvalid } from "~/hooks/use-focus-invalid";
import { NATIVE_UNDO_ATTRIBUTE } from "~/hooks/use-undo-manager";
import { t } from "~/i18n";
import { INSTRUMENT_OWNERS, type InstrumentInfo } from "../../../core/services";
import { CsrfField } from "../csrf-field";
import { errorProps, FieldError } from "../field-error";

interface ActionData {
  ok: boolean;
  fieldErrors?: Record<string, string>;
  values?: Record<string, string>;
  instrument?: InstrumentInfo;
}

export const CREATE_INSTRUMENT_INTENT = "create-instrument";

export function CustomInstrumentForm() {
  const fetcher = useFetcher<ActionData>();
  const formId = useId();
  const [formKey, setFormKey] = useState(0);
  const data = fetcher.state === "idle" ? fetcher.data : undefined;
  const errors = data && !data.ok ? (data.fieldErrors ?? {}) : {};
  const values = data && !data.ok ? (data.values ?? {}) : {};
  const added = data?.ok ? data.instrument : undefined;
  const formRef = useRef<HTMLFormElement>(null);
  useFocusFirstInvalid(formRef, data);

  // Empty the form after a successful add.
  useEffect(() => {
    if (added) setFormKey((key) => key + 1);
  }, [added]);

  const field = (name: string) => ({
    id: `${formId}-${name}`,
    name,
    defaultValue: values[name],
    ...errorProps(formId, name, errors[name]),
  });
  const nativeUndo = { [NATIVE_UNDO_ATTRIBUTE]: "" };

  return (
    <details className="panel custom-instrument" {...nativeUndo}>
      <summary>{t("customInstrument.heading")}</summary>
      <p className="muted">{t("customInstrument.intro")}</p>
      <fetcher.Form
        ref={formRef}
        method="post"
        key={formKey}
        className="form-grid"
        data-testid="custom-instrument-form"
        noValidate
      >
        <CsrfField />
        <input type="hidden" name="intent" value={CREATE_INSTRUMENT_INTENT} />
        <div className="form-field">
          <label htmlFor={`${formId}-name`}>{t("customInstrument.name")}</label>
          <input type="text" required maxLength={120} {...field("name")} />
          <FieldError formId={formId} field="name" message={errors.name} />
        </div>
        <div className="form-field">
          <label htmlFor={`${formId}-owner`}>{t("customInstrument.owner")}</label>
          <select {...field("owner")} defaultValue={values.owner ?? "EU"}>
            {INSTRUMENT_OWNERS.map((owner) => (
              <option key={owner} value={owner}>
                {t(`owner.${owner}`)}
              </option>
            ))}
          </select>
          <FieldError formId={formId} field="owner" message={errors.owner} />
        </div>
        <div className="form-field">
          <label htmlFor={`${formId}-kind`}>{t("customInstrument.kind")}</label>
          <input
            type="text"
            required
            maxLength={60}
            placeholder={t("customInstrument.kindPlaceholder")}
            {...field("kind")}
          />
          <FieldError formId={formId} field="kind" message={errors.kind} />
        </div>
        <div className="form-field form-field-narrow">
          <label htmlFor={`${formId}-year`}>
            {t("customInstrument.year")} <span className="muted">({t("common.optional")})</span>
          </label>
          <input type="text" inputMode="numeric" maxLength={4} {...field("year")} />
          <FieldError formId={formId} field="year" message={errors.year} />
        </div>
        <div className="form-field">
          <label htmlFor={`${formId}-reference`}>
            {t("customInstrument.reference")} <span className="muted">({t("common.optional")})</span>
          </label>
          <input type="text" maxLength={200} {...field("reference")} />
          <FieldError formId={formId} field="reference" message={errors.reference} />
        </div>
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={fetcher.state !== "idle"}>
            {t("customInstrument.submit")}
          </button>
        </div>
      </fetcher.Form>
      <p role="status" className="form-status">
        {added ? t("customInstrument.added", { name: added.name }) : ""}
      </p>
    </details>
  );
}
