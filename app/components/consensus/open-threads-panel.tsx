/**
 * All open threads of the board (those mentioning me first), each opening its
 * row's panel. Opening this panel marks my mentions read.
 */
import { useEffect } from "react";
import { useCsrfToken } from "~/components/csrf-field";
import { t } from "~/i18n";
import { openThreads, threadMentionsMe } from "~/lib/comment-threads";
import { CSRF_FIELD } from "../../../core/cookies";
import { useConsensus } from "./consensus-context";
import { useConsensusFetcher } from "./consensus-form";
import { SidePanel } from "./side-panel";

interface Props {
  /** The row's display title, or null when the row no longer exists. */
  titleOf: (rowId: string) => string | null;
  onClose: () => void;
}

const SNIPPET_LENGTH = 160;

function repliesText(count: number): string {
  return count === 0
    ? t("comments.repliesNone")
    : count === 1
      ? t("comments.repliesOne")
      : t("comments.replies", { count });
}

export function OpenThreadsPanel({ titleOf, onClose }: Props) {
  const { data, actionUrl, openRow, formatTime } = useConsensus();
  const markRead = useConsensusFetcher();
  const csrf = useCsrfToken();
  const unread = data?.comments.unreadMentions ?? 0;

  // Also when new mentions arrive while the panel is open: the person is looking at them.
  useEffect(() => {
    if (unread === 0 || markRead.state !== "idle") return;
    markRead.submit({ intent: "mentions-read", [CSRF_FIELD]: csrf }, { method: "post", action: actionUrl });
    // eslint-disable-next-line react-hooks/exhaustive-deps -- markRead.submit is stable; resubmitting on state changes would loop
  }, [unread, actionUrl, csrf]);

  const threads = data
    ? openThreads(data.comments.comments).flatMap((thread) => {
        const title = titleOf(thread.root.rowId);
        return title === null ? [] : [{ thread, title }];
      })
    : null;

  return (
    <SidePanel
      heading={t("comments.threadsHeading")}
      onClose={onClose}
      returnFocusTo={`[data-testid="threads-toggle"]`}
      className="threads-panel"
      data-testid="open-threads-panel"
    >
      {threads === null ? (
        <p className="muted">{t("comments.threadsLoading")}</p>
      ) : threads.length === 0 ? (
        <p className="muted">{t("comments.threadsEmpty")}</p>
      ) : (
        <ul className="open-threads">
          {threads.map(({ thread, title }) => {
            const cut = thread.root.body.length > SNIPPET_LENGTH;
            return (
              <li
                key={thread.root.id}
                className="open-thread"
                data-testid="open-thread"
                data-row-id={thread.root.rowId}
              >
                <button
                  type="button"
                  className="link-button open-thread-row"
                  onClick={() => openRow(thread.root.rowId, "comments")}
                >
                  {t("comments.openRow", { title })}
                </button>
                {threadMentionsMe(thread) && <span className="badge badge-mention">{t("comments.mentionsYou")}</span>}
                <p className="open-thread-body">
                  <bdi>{cut ? thread.root.body.slice(0, SNIPPET_LENGTH) : thread.root.body}</bdi>
                  {cut && "…"}
                </p>
                <p className="muted small">
                  {t("comments.threadSummary", {
                    author: thread.root.authorName,
                    time: formatTime(thread.root.createdAt),
                    replies: repliesText(thread.replies.length),
                  })}
                </p>
              </li>
            );
          })}
        </ul>
      )}
    </SidePanel>
  );
}
