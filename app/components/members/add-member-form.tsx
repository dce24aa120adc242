/** Chair: add someone who already has an account, by email, with a role. */
import { useFetcher } from "@remix-run/react";
import { useEffect, useRef, useState } from "react";
import { useFocusFirstInvalid } from "~/hooks/use-focus-invalid";
import { t } from "~/i18n";
import type { MemberActionResult } from "~/lib/member-forms";
import { TextInput } from "../account/text-input";
import { CsrfField } from "../csrf-field";
import { FieldError, fieldErrorId } from "../field-error";
import { RoleSelect } from "./role-select";

const FORM_ID = "add-member";

export function AddMemberForm() {
  const fetcher = useFetcher<MemberActionResult>();
  const [formKey, setFormKey] = useState(0);
  const result = fetcher.state === "idle" ? fetcher.data : undefined;
  const errors = result && !result.ok ? result.fieldErrors : {};
  const values = result && !result.ok ? result.values : {};
  const added = result?.ok ? result.values.email : undefined;
  const formRef = useRef<HTMLFormElement>(null);
  useFocusFirstInvalid(formRef, result);

  useEffect(() => {
    if (added) setFormKey((key) => key + 1);
  }, [added]);

  return (
    <section className="panel" aria-labelledby="add-member-heading">
      <h2 id="add-member-heading">{t("members.addHeading")}</h2>
      <fetcher.Form
        ref={formRef}
        method="post"
        key={formKey}
        className="form-grid"
        data-testid="add-member-form"
        noValidate
      >
        <CsrfField />
        <input type="hidden" name="intent" value="add" />
        <TextInput
          formId={FORM_ID}
          name="email"
          type="email"
          label={t("members.addEmail")}
          required
          defaultValue={values.email}
          error={errors.email}
        />
        <div className="form-field">
          <label htmlFor={`${FORM_ID}-role`}>{t("members.role")}</label>
          <RoleSelect
            id={`${FORM_ID}-role`}
            defaultValue={values.role === "chair" || values.role === "observer" ? values.role : "delegate"}
            invalid={Boolean(errors.role)}
            describedBy={errors.role ? fieldErrorId(FORM_ID, "role") : undefined}
          />
          <FieldError formId={FORM_ID} field="role" message={errors.role} />
        </div>
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={fetcher.state !== "idle"}>
            {t("members.add")}
          </button>
        </div>
      </fetcher.Form>
      <p role="status" className="form-status">
        {added ? t("members.added", { email: added }) : ""}
      </p>
    </section>
  );
}
