/** Last column: move the threat up or down, delete it (undoable). */
import type { MouseEvent } from "react";
import { DESTRUCTIVE_ATTRIBUTE } from "~/hooks/use-grid-navigation";
import { t } from "~/i18n";
import { moveRow } from "../../../core/board-doc";
import { ArrowDownIcon, ArrowUpIcon, TrashIcon } from "../icons";
import { useBoard } from "./board-context";

interface Props {
  rowId: string;
  title: string;
  /** Index among all rows (not only the filtered ones). */
  index: number;
  total: number;
  onDelete: (rowId: string) => void;
}

export function RowActions({ rowId, title, index, total, onDelete }: Props) {
  const { doc, readOnly } = useBoard();
  const move = (event: MouseEvent<HTMLButtonElement>, to: number) => {
    const button = event.currentTarget;
    const cell = button.closest<HTMLElement>("[role=gridcell]");
    moveRow(doc, rowId, to);
    // Reordering the DOM can blur the button; put focus back (on the cell if the button became disabled).
    // (A disabled button may still be document.activeElement here: browsers blur it a bit later.)
    requestAnimationFrame(() => {
      if (button.disabled || !button.isConnected) cell?.focus();
      else if (document.activeElement !== button) button.focus();
    });
  };
  if (readOnly) return <div className="row-actions" />;
  return (
    <div className="row-actions">
      <button
        type="button"
        className="icon-button"
        tabIndex={-1}
        disabled={index === 0}
        aria-label={t("grid.moveUpLabel", { title })}
        title={t("grid.moveUp")}
        data-action="move-up"
        onClick={(event) => move(event, index - 1)}
      >
        <ArrowUpIcon />
      </button>
      <button
        type="button"
        className="icon-button"
        tabIndex={-1}
        disabled={index >= total - 1}
        aria-label={t("grid.moveDownLabel", { title })}
        title={t("grid.moveDown")}
        data-action="move-down"
        onClick={(event) => move(event, index + 1)}
      >
        <ArrowDownIcon />
      </button>
      <button
        type="button"
        className="icon-button icon-button-danger"
        tabIndex={-1}
        {...{ [DESTRUCTIVE_ATTRIBUTE]: "" }}
        aria-label={t("grid.deleteLabel", { title })}
        title={t("grid.delete")}
        data-action="delete"
        onClick={() => onDelete(rowId)}
      >
        <TrashIcon />
      </button>
    </div>
  );
}
