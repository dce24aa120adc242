/** Board title, link back to the list, who is here and the connection state. */
import { Link } from "@remix-run/react";
import type { ReactNode } from "react";
import { t } from "~/i18n";

interface Props {
  title: string;
  archived: boolean;
  children: ReactNode;
}

export function BoardHeader({ title, archived, children }: Props) {
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
      </div>
      <div className="board-header-side">{children}</div>
    </header>
  );
}
