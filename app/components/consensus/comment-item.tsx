/** One comment: author, time, text (safely rendered), and edit / delete for its author. */
import { useRef, useState } from "react";
import { t } from "~/i18n";
import type { CommentView } from "../../../core/consensus-contract";
import { CommentBody } from "./comment-body";
import { CommentDelete } from "./comment-delete";
import { CommentEditForm } from "./comment-edit-form";
import { Message } from "../message";
import { useConsensus } from "./consensus-context";

export function CommentItem({ comment }: { comment: CommentView }) {
  const { data, canComment, nameOf, formatTime } = useConsensus();
  const [editing, setEditing] = useState(false);
  const editButton = useRef<HTMLButtonElement>(null);
  const endEdit = () => {
    setEditing(false);
    requestAnimationFrame(() => editButton.current?.focus());
  };
  const time = formatTime(comment.createdAt);
  const own = canComment && !comment.deleted && comment.authorId === data?.me.id;
  return (
    <article
      className={`comment${comment.mentionsMe ? " comment-mentions-me" : ""}`}
      data-testid="comment"
      data-comment-id={comment.id}
    >
      <header className="comment-meta">
        <strong>
          <Message
            id="comments.author"
            values={{ name: <bdi>{comment.authorName}</bdi>, delegation: nameOf(comment.delegationCode) }}
          />
        </strong>{" "}
        <time dateTime={comment.createdAt} className="muted">
          {time}
        </time>
        {comment.editedAt && <span className="muted"> ({t("comments.edited")})</span>}
        {comment.mentionsMe && <span className="badge badge-mention">{t("comments.mentionsYou")}</span>}
      </header>
      {comment.deleted ? (
        <p className="muted comment-body">{t("comments.deleted")}</p>
      ) : editing ? (
        <CommentEditForm comment={comment} onDone={endEdit} />
      ) : (
        <CommentBody body={comment.body} />
      )}
      {own && !editing && (
        <div className="comment-actions">
          <button
            type="button"
            ref={editButton}
            className="link-button"
            aria-label={t("comments.editLabel", { time })}
            onClick={() => setEditing(true)}
            data-testid="comment-edit"
          >
            {t("comments.edit")}
          </button>
          <CommentDelete comment={comment} label={t("comments.deleteLabel", { time })} />
        </div>
      )}
    </article>
  );
}
