/** The forum the board is held in; the chair changes it here until the first position is recorded. */
import { useFetcher } from "@remix-run/react";
import { useRef } from "react";
import { useFocusFirstInvalid } from "~/hooks/use-focus-invalid";
import { t } from "~/i18n";
import { forumHint, forumLabel } from "~/lib/forum-labels";
import type { MemberActionResult } from "~/lib/member-forms";
import type { BoardForum } from "../../../core/domain";
import { CsrfField } from "../csrf-field";
import { ForumSelect } from "../forum-select";

const FORM_ID = "change-forum";

export function ForumPanel({ forum, canManage }: { forum: BoardForum; canManage: boolean }) {
  const fetcher = useFetcher<MemberActionResult>();
  const result = fetcher.state === "idle" ? fetcher.data : undefined;
  const formRef = useRef<HTMLFormElement>(null);
  useFocusFirstInvalid(formRef, result);
  return (
    <section className="panel" aria-labelledby="forum-heading" data-testid="forum-panel">
      <h2 id="forum-heading">{t("forums.changeHeading")}</h2>
      <p data-testid="members-forum" data-forum={forum}>
        <strong>{forumLabel(forum)}</strong> — {forumHint(forum)}
      </p>
      {canManage && (
        <fetcher.Form ref={formRef} method="post" className="form-stack" data-testid="change-forum-form" noValidate>
          <CsrfField />
          <input type="hidden" name="intent" value="change-forum" />
          <p className="muted small">{t("forums.changeHint")}</p>
          <ForumSelect
            formId={FORM_ID}
            id="change-forum-select"
            defaultValue={forum}
            error={result && !result.ok ? result.fieldErrors.forum : undefined}
          />
          <div className="form-actions">
            <button type="submit" className="button" disabled={fetcher.state !== "idle"}>
              {t("forums.changeButton")}
            </button>
          </div>
          <p role="status" className="small">
            {result?.ok ? t("forums.changed") : ""}
          </p>
        </fetcher.Form>
      )}
    </section>
  );
}
