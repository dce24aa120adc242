/** Chair: create an invite link (role, expiry, single or multi use). Its secret is shown once, right here. */
import { useFetcher } from "@remix-run/react";
import { useRef, useState } from "react";
import { useFocusFirstInvalid } from "~/hooks/use-focus-invalid";
import { t } from "~/i18n";
import { inviteUrl } from "~/lib/invite-status";
import { INVITE_HOURS_MAX, INVITE_HOURS_MIN, type MemberActionResult } from "~/lib/member-forms";
import { TextInput } from "../account/text-input";
import { CsrfField } from "../csrf-field";
import { errorProps, FieldError, fieldErrorId } from "../field-error";
import { RoleSelect } from "./role-select";

const FORM_ID = "create-invite";

interface Props {
  origin: string;
}

export function InviteForm({ origin }: Props) {
  const fetcher = useFetcher<MemberActionResult>();
  const [copied, setCopied] = useState<string | null>(null);
  const result = fetcher.state === "idle" ? fetcher.data : undefined;
  const errors = result && !result.ok ? result.fieldErrors : {};
  const link = result?.ok && result.token ? inviteUrl(origin, result.token) : null;
  const formRef = useRef<HTMLFormElement>(null);
  useFocusFirstInvalid(formRef, result);

  const copy = async (url: string) => {
    try {
      await navigator.clipboard.writeText(url);
      setCopied(url);
    } catch {
      // No clipboard permission: the field is selected so the person can copy it themselves.
      document.querySelector<HTMLInputElement>("#invite-link")?.select();
    }
  };

  return (
    <section className="panel" aria-labelledby="invite-heading">
      <h2 id="invite-heading">{t("members.inviteHeading")}</h2>
      <p className="muted">{t("members.inviteIntro")}</p>
      <fetcher.Form ref={formRef} method="post" className="form-grid" data-testid="invite-form" noValidate>
        <CsrfField />
        <input type="hidden" name="intent" value="create-invite" />
        <div className="form-field">
          <label htmlFor={`${FORM_ID}-role`}>{t("members.inviteRole")}</label>
          <RoleSelect
            id={`${FORM_ID}-role`}
            defaultValue="delegate"
            invalid={Boolean(errors.role)}
            describedBy={errors.role ? fieldErrorId(FORM_ID, "role") : undefined}
          />
          <FieldError formId={FORM_ID} field="role" message={errors.role} />
        </div>
        <TextInput
          formId={FORM_ID}
          name="expiresInHours"
          type="number"
          label={t("members.expiresInHours")}
          min={INVITE_HOURS_MIN}
          max={INVITE_HOURS_MAX}
          defaultValue="72"
          required
          error={errors.expiresInHours}
        />
        <fieldset className="form-field" {...errorProps(FORM_ID, "uses", errors.uses)}>
          <legend>{t("members.uses")}</legend>
          <label className="choice-inline">
            <input type="radio" name="uses" value="single" defaultChecked data-testid="invite-single" />{" "}
            {t("members.singleUse")}
          </label>
          <label className="choice-inline">
            <input type="radio" name="uses" value="multi" data-testid="invite-multi" /> {t("members.multiUse")}
          </label>
          <FieldError formId={FORM_ID} field="uses" message={errors.uses} />
        </fieldset>
        <div className="form-actions">
          <button
            type="submit"
            className="button button-primary"
            disabled={fetcher.state !== "idle"}
            data-testid="create-invite"
          >
            {t("members.createInvite")}
          </button>
        </div>
      </fetcher.Form>
      {link && result?.inviteRole && (
        <div className="new-invite" role="status" data-testid="new-invite">
          <p>{t("members.newLink", { role: t(`roles.${result.inviteRole}`) })}</p>
          <div className="inline-form">
            <input
              id="invite-link"
              type="text"
              readOnly
              value={link}
              aria-label={t("members.inviteHeading")}
              data-testid="invite-link"
              onFocus={(e) => e.currentTarget.select()}
            />
            <button type="button" className="button button-small" onClick={() => void copy(link)}>
              {copied === link ? t("members.copied") : t("members.copy")}
            </button>
          </div>
        </div>
      )}
    </section>
  );
}
