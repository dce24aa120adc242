/** Chair's controls for one member: change the role, remove (after a confirmation step). */
import { useFetcher } from "@remix-run/react";
import { useId, useRef, useState } from "react";
import { t } from "~/i18n";
import type { MemberActionResult } from "~/lib/member-forms";
import type { BoardRole } from "../../../core/services";
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
  const removeButton = useRef<HTMLButtonElement>(null);
  const id = useId();
  // The confirmation replaces the Remove button; cancelling puts focus back on it.
  const cancel = () => {
    setConfirming(false);
    requestAnimationFrame(() => removeButton.current?.focus());
  };
  const error = [roleFetcher, removeFetcher]
    .map((f) => (f.state === "idle" ? f.data?.fieldErrors.form : undefined))
    .find(Boolean);
  return (
    <div className="member-controls">
      <roleFetcher.Form method="post" className="inline-form">
        <CsrfField />
        <input type="hidden" name="intent" value="change-role" />
        <input type="hidden" name="userId" value={userId} />
        {/* Keyed by role: after a change the select shows the saved role. */}
        <RoleSelect
          key={role}
          id={`${id}-role`}
          defaultValue={role}
          label={t("members.roleFor", { name })}
          describedBy={error ? `${id}-error` : undefined}
        />
        <button
          type="submit"
          className="button button-small"
          disabled={roleFetcher.state !== "idle"}
          data-testid="save-role"
        >
          {t("members.saveRole")}
        </button>
      </roleFetcher.Form>
      {confirming ? (
        <removeFetcher.Form
          method="post"
          className="inline-form"
          onSubmit={() => setConfirming(false)}
          onKeyDown={(event) => {
            if (event.key === "Escape") cancel();
          }}
        >
          <CsrfField />
          <input type="hidden" name="intent" value="remove" />
          <input type="hidden" name="userId" value={userId} />
          <span id={`${id}-confirm`}>{t("members.confirmRemove", { name })}</span>
          <button
            type="submit"
            className="button button-small button-danger"
            aria-describedby={`${id}-confirm`}
            data-testid="confirm-remove"
          >
            {t("members.confirm")}
          </button>
          {/* Autofocus: the question is read with the safe choice, which keyboard users land on. */}
          <button
            type="button"
            className="button button-small"
            autoFocus
            aria-describedby={`${id}-confirm`}
            onClick={cancel}
          >
            {t("common.cancel")}
          </button>
        </removeFetcher.Form>
      ) : (
        <button
          type="button"
          ref={removeButton}
          className="button button-small"
          onClick={() => setConfirming(true)}
          aria-label={t("members.removeLabel", { name })}
          data-testid="remove-member"
        >
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
