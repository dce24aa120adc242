/**
 * Keyboard navigation of the matrix (WAI-ARIA grid pattern): one cell is in
 * the tab order (roving tabindex); arrows move between cells; Enter moves
 * into the cell's first control; Escape goes back to the cell; Tab cycles
 * through the controls of the cell being edited.
 */
import { useCallback, useRef, useState, type FocusEvent, type KeyboardEvent } from "react";

export interface GridPosition {
  rowId: string;
  col: number;
}

export const CELL_CONTROL_SELECTOR =
  "input:not([type=hidden]):not(:disabled), select:not(:disabled), textarea:not(:disabled), button:not(:disabled), [data-cell-control]";
/** A control with this attribute hands focus back to its cell on Enter (single-line fields). */
export const ENTER_RETURNS_ATTRIBUTE = "data-enter-returns";

function cellControls(cell: HTMLElement): HTMLElement[] {
  const controls = Array.from(cell.querySelectorAll<HTMLElement>(CELL_CONTROL_SELECTOR));
  // Like native tabbing: one stop per radio group, on the checked radio when there is one.
  return controls.filter((control) => {
    if (!(control instanceof HTMLInputElement) || control.type !== "radio" || control.checked) return true;
    const group = controls.filter(
      (c) => c instanceof HTMLInputElement && c.type === "radio" && c.name === control.name,
    );
    return !group.some((c) => (c as HTMLInputElement).checked) && group[0] === control;
  });
}

function locate(target: EventTarget): { cell: HTMLElement; rowId: string; col: number } | null {
  if (!(target instanceof HTMLElement)) return null;
  const cell = target.closest<HTMLElement>("[role=gridcell]");
  const rowId = cell?.closest<HTMLElement>("[data-row-id]")?.dataset.rowId;
  if (!cell || !rowId) return null;
  return { cell, rowId, col: Number(cell.dataset.col ?? 0) };
}

export function useGridNavigation(rowIds: readonly string[], colCount: number) {
  const gridRef = useRef<HTMLDivElement>(null);
  const [active, setActive] = useState<GridPosition | null>(null);

  const activeRowId = active && rowIds.includes(active.rowId) ? active.rowId : (rowIds[0] ?? null);
  const activeCol = active ? Math.min(active.col, colCount - 1) : 0;

  const focusCell = useCallback((position: GridPosition) => {
    setActive(position);
    const selector = `[data-row-id="${CSS.escape(position.rowId)}"] [role=gridcell][data-col="${position.col}"]`;
    gridRef.current?.querySelector<HTMLElement>(selector)?.focus();
  }, []);

  const onKeyDown = useCallback(
    (event: KeyboardEvent<HTMLElement>) => {
      const found = locate(event.target);
      if (!found) return;
      const { cell, rowId, col } = found;

      if (event.target !== cell) {
        const control = event.target as HTMLElement;
        if (event.key === "Escape" || (event.key === "Enter" && control.hasAttribute(ENTER_RETURNS_ATTRIBUTE))) {
          event.preventDefault();
          focusCell({ rowId, col });
        } else if (event.key === "Tab") {
          const controls = cellControls(cell);
          const index = controls.indexOf(control);
          if (controls.length === 0) return;
          event.preventDefault();
          const next = (index + (event.shiftKey ? -1 : 1) + controls.length) % controls.length;
          controls[next].focus();
        }
        return;
      }

      const rowIndex = rowIds.indexOf(rowId);
      let target: GridPosition | null = null;
      switch (event.key) {
        case "ArrowUp":
          target = { rowId: rowIds[Math.max(0, rowIndex - 1)], col };
          break;
        case "ArrowDown":
          target = { rowId: rowIds[Math.min(rowIds.length - 1, rowIndex + 1)], col };
          break;
        case "ArrowLeft":
          target = { rowId, col: Math.max(0, col - 1) };
          break;
        case "ArrowRight":
          target = { rowId, col: Math.min(colCount - 1, col + 1) };
          break;
        case "Home":
          target = { rowId: event.ctrlKey ? rowIds[0] : rowId, col: 0 };
          break;
        case "End":
          target = { rowId: event.ctrlKey ? rowIds[rowIds.length - 1] : rowId, col: colCount - 1 };
          break;
        case "Enter":
        case "F2": {
          event.preventDefault();
          cellControls(cell)[0]?.focus();
          return;
        }
        default:
          return;
      }
      event.preventDefault();
      if (target.rowId) focusCell(target);
    },
    [rowIds, colCount, focusCell],
  );

  /** Clicking straight into a control makes its cell the active one. */
  const onFocus = useCallback((event: FocusEvent<HTMLElement>) => {
    const found = locate(event.target);
    if (found)
      setActive((current) =>
        current?.rowId === found.rowId && current.col === found.col ? current : { rowId: found.rowId, col: found.col },
      );
  }, []);

  return { gridRef, activeRowId, activeCol, focusCell, gridProps: { onKeyDown, onFocus } };
}
