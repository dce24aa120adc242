/** Edits one's own comment in place; an "@Name" typed into it notifies whoever it newly names. */
import { useId, useState } from "react";
import { t } from "~/i18n";
import type { CommentView } from "../../../core/consensus-contract";
import { errorProps, FieldError } from "../field-error";
import { ConsensusForm, fieldErrorsOf, useConsensusFetcher } from "./consensus-form";
import { TypedMentionChips, UnresolvedMentions, useTypedMentions } from "./typed-mentions";

interface Props {
  comment: CommentView;
  onDone: () => void;
}

export function CommentEditForm({ comment, onDone }: Props) {
  const fetcher = useConsensusFetcher();
  const formId = useId();
  const errors = fieldErrorsOf(fetcher);
  const [body, setBody] = useState(comment.body);
  const typed = useTypedMentions(body);
  return (
    <ConsensusForm
      fetcher={fetcher}
      intent="comment-edit"
      fields={{ commentId: comment.id }}
      onSuccess={onDone}
      className="comment-form"
      data-testid="comment-edit-form"
    >
      <div className="form-field">
        <label htmlFor={`${formId}-body`}>{t("comments.bodyEdit")}</label>
        {/* Autofocus: the user just asked to edit this comment. */}
        <textarea
          id={`${formId}-body`}
          name="body"
          rows={3}
          required
          maxLength={5000}
          value={body}
          onChange={(event) => setBody(event.target.value)}
          autoFocus
          {...errorProps(formId, "body", errors.body)}
        />
        <FieldError formId={formId} field="body" message={errors.body} />
      </div>
      {typed.resolved.length > 0 && (
        <p className="mention-list small">
          {t("comments.mentioning")} <TypedMentionChips mentions={typed.resolved} />
        </p>
      )}
      <UnresolvedMentions mentions={typed.unresolved} />
      <div className="form-actions">
        <button type="submit" className="button button-primary button-small">
          {t("comments.save")}
        </button>
        <button type="button" className="button button-small" onClick={onDone}>
          {t("comments.cancel")}
        </button>
      </div>
    </ConsensusForm>
  );
}
