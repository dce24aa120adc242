/** Links from the board to its members (manage them as chair), versions and exports, import, and the activity side panel. */
import { Link } from "@remix-run/react";
import { t } from "~/i18n";
import { ROLE_CAN } from "../../../core/roles";
import type { BoardRole } from "../../../core/services";

interface Props {
  boardId: string;
  role: BoardRole;
  activityOpen: boolean;
  onToggleActivity: () => void;
}

export function BoardNav({ boardId, role, activityOpen, onToggleActivity }: Props) {
  return (
    <nav className="board-nav" aria-label={t("board.navLabel")}>
      <Link to={`/boards/${boardId}/members`} className="button button-small" data-testid="members-link">
        {ROLE_CAN.manageMembers(role) ? t("board.manageMembers") : t("board.members")}
      </Link>
      {ROLE_CAN.manageBoard(role) && (
        <Link to={`/boards/${boardId}/marking`} className="button button-small" data-testid="marking-link">
          {t("markings.navLink")}
        </Link>
      )}
      <Link to={`/boards/${boardId}/versions`} className="button button-small" data-testid="versions-link">
        {t("versions.heading")}
      </Link>
      <Link to={`/boards/${boardId}/record`} className="button button-small" data-testid="record-link">
        {t("record.nav")}
      </Link>
      {ROLE_CAN.edit(role) && (
        <Link to={`/boards/${boardId}/import`} className="button button-small" data-testid="import-link">
          {t("versionImport.heading")}
        </Link>
      )}
      <button
        type="button"
        className="button button-small"
        aria-expanded={activityOpen}
        onClick={onToggleActivity}
        data-testid="activity-toggle"
      >
        {t("activity.show")}
      </button>
    </nav>
  );
}
