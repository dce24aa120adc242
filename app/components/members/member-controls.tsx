/** Chair's controls for one member: change the role, remove (after a confirmation step). */
import { useFetcher } from "@remix-run/react";
import { useId, useState } from "react";
import { t } from "~/i18n";
import type { MemberActionResult } from "~/lib/member-forms";
import type { BoardRole } from "~/load-context";
import { CsrfField } from "../csrf-field";
import { RoleSelect } from "./role-select";

interface Props {
  userId: string;
  name: string;
  role: BoardRole;
}

export function MemberControls({ userId, name, role }: Props) {
  const roleFetcher = useFetcher<MemberActionResult>();
  const removeFetcher = useFetcher<MemberActionResult>();
  const [confirming, setConfirming] = useState(false);
  const id = useId();
  const error = [roleFetcher, removeFetcher].map((f) => (f.state === "idle" ? f.data?.fieldErrors.form : undefined)).find(Boolean);
  return (
    <div className="member-controls">
      <roleFetcher.Form method="post" className="inline-form">
        <CsrfField />
        <input type="hidden" name="intent" value="change-role" />
        <input type="hidden" name="userId" value={userId} />
        {/* Keyed by role: after a change the select shows the saved role. */}
        <RoleSelect key={role} id={`${id}-role`} defaultValue={role} label={t("members.roleFor", { name })} describedBy={error ? `${id}-error` : undefined} />
        <button type="submit" className="button button-small" disabled={roleFetcher.state !== "idle"} data-testid="save-role">
          {t("members.saveRole")}
        </button>
      </roleFetcher.Form>
      {confirming ? (
        <removeFetcher.Form method="post" className="inline-form" onSubmit={() => setConfirming(false)}>
          <CsrfField />
          <input type="hidden" name="intent" value="remove" />
          <input type="hidden" name="userId" value={userId} />
          <span>{t("members.confirmRemove", { name })}</span>
          <button type="submit" className="button button-small button-danger" data-testid="confirm-remove">
            {t("members.confirm")}
          </button>
          <button type="button" className="button button-small" onClick={() => setConfirming(false)}>
            {t("common.cancel")}
          </button>
        </removeFetcher.Form>
      ) : (
        <button type="button" className="button button-small" onClick={() => setConfirming(true)} aria-label={t("members.removeLabel", { name })} data-testid="remove-member">
          {t("members.remove")}
        </button>
      )}
      {error && (
        <p className="field-error" id={`${id}-error`} role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
