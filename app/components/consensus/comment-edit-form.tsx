/** Edits one's own comment in place. */
import { useId } from "react";
import { t } from "~/i18n";
import type { CommentView } from "../../../core/consensus-contract";
import { errorProps, FieldError } from "../field-error";
import { ConsensusForm, fieldErrorsOf, useConsensusFetcher } from "./consensus-form";

interface Props {
  comment: CommentView;
  onDone: () => void;
}

export function CommentEditForm({ comment, onDone }: Props) {
  const fetcher = useConsensusFetcher();
  const formId = useId();
  const errors = fieldErrorsOf(fetcher);
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
          defaultValue={comment.body}
          autoFocus
          {...errorProps(formId, "body", errors.body)}
        />
        <FieldError formId={formId} field="body" message={errors.body} />
      </div>
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
