/** Add a threat, undo and redo (this person's changes only). */
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
      <button
        type="button"
        className="button"
        onClick={onUndo}
        disabled={!canUndo}
        title={t("board.undoShortcut")}
        aria-keyshortcuts="Control+Z Meta+Z"
        data-testid="undo"
      >
        <UndoIcon /> {t("board.undo")}
      </button>
      <button
        type="button"
        className="button"
        onClick={onRedo}
        disabled={!canRedo}
        title={t("board.redoShortcut")}
        aria-keyshortcuts="Control+Shift+Z Control+Y Meta+Shift+Z"
        data-testid="redo"
      >
        <RedoIcon /> {t("board.redo")}
      </button>
    </div>
  );
}
