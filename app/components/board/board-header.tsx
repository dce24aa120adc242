/** Board title, the forum it is held in, link back to the list, who is here and the connection state. */
import { Link } from "@remix-run/react";
import type { ReactNode } from "react";
import { t } from "~/i18n";
import { forumHint, forumLabel } from "~/lib/forum-labels";
import type { BoardForum } from "../../../core/domain";

interface Props {
  title: string;
  archived: boolean;
  forum: BoardForum;
  children: ReactNode;
}

export function BoardHeader({ title, archived, forum, children }: Props) {
  return (
    <header className="board-header">
      <div className="board-heading">
        <Link to="/" className="back-link">
          <span aria-hidden="true">←</span> {t("common.backToBoards")}
        </Link>
        <h1 data-testid="board-title">
          <bdi>{title}</bdi>
          {archived && <span className="badge badge-muted">{t("boards.archivedBadge")}</span>}
        </h1>
        <p className="board-forum small" data-testid="board-forum" data-forum={forum} title={forumHint(forum)}>
          {t("forums.badge", { forum: forumLabel(forum) })}
        </p>
      </div>
      <div className="board-header-side">{children}</div>
    </header>
  );
}
