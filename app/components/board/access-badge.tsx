/** Your role on the board, and a clear read-only notice when you cannot edit. */
import { t } from "~/i18n";
import type { BoardRole } from "../../../core/services";

interface Props {
  role: BoardRole;
  canWrite: boolean;
  archived: boolean;
}

export function AccessBadge({ role, canWrite, archived }: Props) {
  if (!canWrite) {
    const text =
      role === "observer"
        ? t("board.readOnlyObserver")
        : archived
          ? t("board.readOnlyArchived")
          : t("board.readOnlyClosed");
    return (
      <span className="badge badge-readonly" data-testid="read-only-badge" data-role={role}>
        {text}
      </span>
    );
  }
  return (
    <span className={`badge role-badge role-${role}`} data-testid="role-badge" data-role={role}>
      {t("board.roleBadge", { role: t(`roles.${role}`) })}
    </span>
  );
}
