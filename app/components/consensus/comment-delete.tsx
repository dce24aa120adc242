/** Deleting one's own comment, after an inline confirmation. */
import { useRef, useState } from "react";
import { t } from "~/i18n";
import type { CommentView } from "../../../core/consensus-contract";
import { ConsensusForm, useConsensusFetcher } from "./consensus-form";

interface Props {
  comment: CommentView;
  label: string;
}

export function CommentDelete({ comment, label }: Props) {
  const fetcher = useConsensusFetcher();
  const [confirming, setConfirming] = useState(false);
  const deleteButton = useRef<HTMLButtonElement>(null);
  // Cancelling puts focus back on the Delete button the confirmation replaced.
  const cancel = () => {
    setConfirming(false);
    requestAnimationFrame(() => deleteButton.current?.focus());
  };
  if (!confirming) {
    return (
      <button
        type="button"
        ref={deleteButton}
        className="link-button"
        aria-label={label}
        onClick={() => setConfirming(true)}
        data-testid="comment-delete"
      >
        {t("comments.delete")}
      </button>
    );
  }
  return (
    <ConsensusForm
      fetcher={fetcher}
      intent="comment-delete"
      fields={{ commentId: comment.id }}
      className="confirm-inline"
      data-testid="comment-delete-confirm"
    >
      <span role="alert">{t("comments.confirmDelete")}</span>
      <button type="submit" className="button button-small button-danger">
        {t("comments.confirmDeleteYes")}
      </button>
      {/* Autofocus: keyboard users land on the safe choice. */}
      <button type="button" className="button button-small" autoFocus onClick={cancel}>
        {t("comments.cancel")}
      </button>
    </ConsensusForm>
  );
}
