/** Add a threat, undo and redo (this person's changes only). */
import type { ReactNode } from "react";
import { t } from "~/i18n";
import { PlusIcon, RedoIcon, UndoIcon } from "../icons";

interface Props {
  onAddRow: () => void;
  canAdd: boolean;
  onUndo: () => void;
  onRedo: () => void;
  canUndo: boolean;
  canRedo: boolean;
}

export function BoardToolbar({ onAddRow, canAdd, onUndo, onRedo, canUndo, canRedo }: Props) {
  return (
    <div className="toolbar">
      <button
        type="button"
        className="button button-primary"
        onClick={onAddRow}
        disabled={!canAdd}
        data-testid="add-row"
      >
        <PlusIcon /> {t("board.addRow")}
      </button>
      <HistoryButton
        onClick={onUndo}
        enabled={canUndo}
        icon={<UndoIcon />}
        label={t("board.undo")}
        title={t("board.undoShortcut")}
        shortcuts="Control+Z Meta+Z"
        testId="undo"
      />
      <HistoryButton
        onClick={onRedo}
        enabled={canRedo}
        icon={<RedoIcon />}
        label={t("board.redo")}
        title={t("board.redoShortcut")}
        shortcuts="Control+Shift+Z Control+Y Meta+Shift+Z"
        testId="redo"
      />
    </div>
  );
}

interface HistoryButtonProps {
  onClick: () => void;
  enabled: boolean;
  icon: ReactNode;
  label: string;
  title: string;
  /** The keys that do the same (announced to assistive technology). */
  shortcuts: string;
  testId: string;
}

/** Undo or redo. */
function HistoryButton({ onClick, enabled, icon, label, title, shortcuts, testId }: HistoryButtonProps) {
  return (
    <button
      type="button"
      className="button"
      onClick={onClick}
      disabled={!enabled}
      title={title}
      aria-keyshortcuts={shortcuts}
      data-testid={testId}
    >
      {icon} {label}
    </button>
  );
}
