/** Header button for the board's open threads, with the count of unread mentions of me. */
import { t } from "~/i18n";
import { CommentIcon } from "../icons";
import { useConsensusOptional } from "./consensus-context";

interface Props {
  open: boolean;
  onToggle: () => void;
}

export function ThreadsButton({ open, onToggle }: Props) {
  const consensus = useConsensusOptional();
  const unread = consensus?.data?.comments.unreadMentions ?? 0;
  const label =
    unread === 0
      ? t("comments.threadsToggle")
      : unread === 1
        ? t("comments.threadsToggleUnreadOne")
        : t("comments.threadsToggleUnread", { count: unread });
  return (
    <button
      type="button"
      className="button button-small threads-button"
      aria-expanded={open}
      aria-label={label}
      onClick={onToggle}
      data-testid="threads-toggle"
    >
      <CommentIcon /> {t("comments.threadsToggle")}
      {unread > 0 && (
        <span className="badge badge-mention" aria-hidden="true" data-testid="mention-badge">
          {t("comments.unreadBadge", { count: unread })}
        </span>
      )}
    </button>
  );
}
