/** A thread: its first comment, the replies, and reply / resolve / reopen for those who may comment. */
import { useRef, useState } from "react";
import { t } from "~/i18n";
import type { CommentThread } from "~/lib/comment-threads";
import { CommentForm } from "./comment-form";
import { CommentItem } from "./comment-item";
import { useConsensus } from "./consensus-context";
import { ConsensusForm, useConsensusFetcher } from "./consensus-form";

interface Props {
  thread: CommentThread;
  title: string;
}

export function CommentThreadView({ thread, title }: Props) {
  const { canComment } = useConsensus();
  const resolve = useConsensusFetcher();
  const [replying, setReplying] = useState(false);
  const replyButton = useRef<HTMLButtonElement>(null);
  const endReply = () => {
    setReplying(false);
    requestAnimationFrame(() => replyButton.current?.focus());
  };
  const { root, replies } = thread;
  const resolved = root.resolvedAt !== null;
  return (
    <li className={`thread${resolved ? " thread-resolved" : ""}`} data-testid="comment-thread" data-resolved={resolved}>
      {root.cell && <p className="thread-cell small">{t("comments.on", { cell: t(`comments.cell-${root.cell}`) })}</p>}
      {resolved && <span className="badge badge-muted">{t("comments.resolvedBadge")}</span>}
      <CommentItem comment={root} />
      {replies.length > 0 && (
        <ol className="replies">
          {replies.map((reply) => (
            <li key={reply.id}>
              <CommentItem comment={reply} />
            </li>
          ))}
        </ol>
      )}
      {canComment && !root.deleted && (
        <div className="thread-actions">
          {!resolved && !replying && (
            <button
              type="button"
              ref={replyButton}
              className="link-button"
              onClick={() => setReplying(true)}
              data-testid="comment-reply"
            >
              {t("comments.reply")}
            </button>
          )}
          <ConsensusForm
            fetcher={resolve}
            intent={resolved ? "comment-reopen" : "comment-resolve"}
            fields={{ commentId: root.id }}
            className="inline-form"
          >
            <button
              type="submit"
              className="link-button"
              aria-label={t(resolved ? "comments.reopenLabel" : "comments.resolveLabel", { name: root.authorName })}
              data-testid={resolved ? "thread-reopen" : "thread-resolve"}
            >
              {resolved ? t("comments.reopen") : t("comments.resolve")}
            </button>
          </ConsensusForm>
        </div>
      )}
      {replying && (
        <CommentForm
          rowId={root.rowId}
          title={title}
          parentId={root.id}
          replyTo={root.authorName}
          onDone={endReply}
          autoFocus
        />
      )}
    </li>
  );
}
