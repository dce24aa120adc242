/** New board: a title, a template (empty, or the 15 catalogue threats) and the forum it is held in. */
import { Form, useNavigation } from "@remix-run/react";
import { useRef } from "react";
import { useFocusFirstInvalid } from "~/hooks/use-focus-invalid";
import { t } from "~/i18n";
import { BOARD_TITLE_MAX } from "~/lib/board-forms";
import { CsrfField } from "../csrf-field";
import { ForumSelect } from "../forum-select";
import { errorProps, FieldError } from "../field-error";

interface Props {
  errors: Record<string, string>;
  values: Record<string, string>;
}

const FORM_ID = "create-board";
// Keys, not strings: translated at render time (a per-request locale would otherwise be frozen at import).
const TEMPLATES = [
  { value: "empty", label: "boards.templateEmpty", hint: "boards.templateEmptyHint" },
  { value: "starter", label: "boards.templateStarter", hint: "boards.templateStarterHint" },
] as const;

export function CreateBoardForm({ errors, values }: Props) {
  const navigation = useNavigation();
  const busy = navigation.state !== "idle" && navigation.formData?.get("intent") === "create";
  const template = values.template ?? "starter";
  const formRef = useRef<HTMLFormElement>(null);
  useFocusFirstInvalid(formRef, errors);
  return (
    <section className="panel" aria-labelledby="create-heading">
      <h2 id="create-heading">{t("boards.createHeading")}</h2>
      <Form ref={formRef} method="post" className="form-stack" data-testid="create-board-form" noValidate>
        <CsrfField />
        <input type="hidden" name="intent" value="create" />
        <div className="form-field">
          <label htmlFor="create-title">{t("boards.createTitle")}</label>
          <input
            id="create-title"
            name="title"
            type="text"
            required
            maxLength={BOARD_TITLE_MAX}
            defaultValue={values.title}
            {...errorProps(FORM_ID, "title", errors.title)}
          />
          <FieldError formId={FORM_ID} field="title" message={errors.title} />
        </div>
        <fieldset
          className="form-field template-choice"
          data-testid="template-choice"
          {...errorProps(FORM_ID, "template", errors.template)}
        >
          <legend>{t("boards.template")}</legend>
          {TEMPLATES.map(({ value, label, hint }) => (
            <div className="choice" key={value}>
              <input
                type="radio"
                id={`template-${value}`}
                name="template"
                value={value}
                defaultChecked={template === value}
                aria-describedby={`template-${value}-hint`}
                data-testid={`template-${value}`}
              />
              <label htmlFor={`template-${value}`}>{t(label)}</label>
              <span id={`template-${value}-hint`} className="hint">
                {t(hint)}
              </span>
            </div>
          ))}
          <FieldError formId={FORM_ID} field="template" message={errors.template} />
        </fieldset>
        <ForumSelect formId={FORM_ID} id="create-forum" defaultValue={values.forum} error={errors.forum} />
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={busy}>
            {t("boards.create")}
          </button>
        </div>
      </Form>
    </section>
  );
}
