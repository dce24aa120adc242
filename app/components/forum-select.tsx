/** The forum <select> (new board, members page), with what each forum means for who records positions. */
import { t } from "~/i18n";
import { forumHint, forumLabel } from "~/lib/forum-labels";
import { BOARD_FORUMS } from "../../core/domain";
import { errorProps, FieldError } from "./field-error";

interface Props {
  formId: string;
  id: string;
  defaultValue: string | undefined;
  error: string | undefined;
}

export function ForumSelect({ formId, id, defaultValue, error }: Props) {
  const hintId = `${id}-hint`;
  return (
    <div className="form-field">
      <label htmlFor={id}>{t("forums.label")}</label>
      <select
        id={id}
        name="forum"
        defaultValue={defaultValue ?? "joint"}
        data-testid="forum-select"
        {...errorProps(formId, "forum", error, hintId)}
      >
        {BOARD_FORUMS.map((forum) => (
          <option key={forum} value={forum}>
            {forumLabel(forum)}
          </option>
        ))}
      </select>
      <ul id={hintId} className="hint small">
        {BOARD_FORUMS.map((forum) => (
          <li key={forum}>
            <strong>{forumLabel(forum)}</strong> — {forumHint(forum)}
          </li>
        ))}
        <li>{t("forums.noPositionHint")}</li>
      </ul>
      <FieldError formId={formId} field="forum" message={error} />
    </div>
  );
}
