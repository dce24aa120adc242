/** The comments part of a row's panel: open threads, resolved ones folded away, and a new comment (not for observers). */
import { useId } from "react";
import { t } from "~/i18n";
import { isOpen, threadsOf } from "~/lib/comment-threads";
import { CommentForm } from "./comment-form";
import { CommentThreadView } from "./comment-thread";
import { useConsensus } from "./consensus-context";

interface Props {
  rowId: string;
  title: string;
}

export function CommentsSection({ rowId, title }: Props) {
  const { data, canComment, role } = useConsensus();
  const headingId = useId();
  const threads = threadsOf(data?.comments.comments ?? [], rowId);
  const open = threads.filter(isOpen);
  const closed = threads.filter((thread) => !isOpen(thread));
  return (
    <section
      className="panel-section"
      aria-labelledby={headingId}
      data-section="comments"
      data-testid="comments-section"
    >
      <h3 id={headingId} tabIndex={-1}>
        {t("comments.heading")}
      </h3>
      {threads.length === 0 && <p className="muted">{t("comments.none")}</p>}
      {open.length > 0 && (
        <ol className="thread-list">
          {open.map((thread) => (
            <CommentThreadView key={thread.root.id} thread={thread} title={title} />
          ))}
        </ol>
      )}
      {closed.length > 0 && (
        <details className="resolved-threads">
          <summary>{t("comments.resolvedThreads", { count: closed.length })}</summary>
          <ol className="thread-list">
            {closed.map((thread) => (
              <CommentThreadView key={thread.root.id} thread={thread} title={title} />
            ))}
          </ol>
        </details>
      )}
      {canComment ? (
        <>
          <h4 className="small">{t("comments.newHeading")}</h4>
          <CommentForm rowId={rowId} title={title} />
        </>
      ) : (
        <p className="muted">{role === "observer" ? t("comments.observerNote") : t("board.readOnlyArchived")}</p>
      )}
    </section>
  );
}
