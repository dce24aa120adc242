/**
 * Keyboard navigation of the matrix (WAI-ARIA grid pattern): one cell is in
 * the tab order (roving tabindex); arrows move between cells; Enter moves
 * into the cell's first control; Escape goes back to the cell; Tab cycles
 * through the controls of the cell being edited. PageUp/PageDown move by a
 * screenful, Ctrl+Home/End to the first/last row, also to rows that are not
 * rendered yet (the grid keeps the active row rendered).
 *
 * Focus is never dropped: when a re-render removes or moves the focused
 * element (someone else deleted or moved the row), focus goes back to it or
 * to the same cell of the row that took its place.
 */
import { useIsomorphicLayoutEffect } from "./use-isomorphic-layout-effect";
import { useCallback, useRef, useState, type FocusEvent, type KeyboardEvent } from "react";
import { flushSync } from "react-dom";

interface GridPosition {
  rowId: string;
  col: number;
}

const CELL_CONTROL_SELECTOR =
  "input:not([type=hidden]):not(:disabled), select:not(:disabled), textarea:not(:disabled), button:not(:disabled), [data-cell-control]";
/** A control with this attribute hands focus back to its cell on Enter (single-line fields). */
export const ENTER_RETURNS_ATTRIBUTE = "data-enter-returns";
/** Controls that destroy something (unlink, delete): Enter on a cell never lands on them. */
export const DESTRUCTIVE_ATTRIBUTE = "data-destructive";

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

/** The first control to enter with Enter/F2: never a destructive one (an unlink ×, the bin). */
function safeControl(cell: HTMLElement): HTMLElement | undefined {
  return cellControls(cell).find((control) => !control.hasAttribute(DESTRUCTIVE_ATTRIBUTE));
}

interface FocusMemory {
  element: HTMLElement;
  rowId: string;
  col: number;
  index: number;
}

/** `pageRows` says how many rows a PageUp/PageDown moves, given the grid element. */
export function useGridNavigation(
  rowIds: readonly string[],
  colCount: number,
  pageRows: (grid: HTMLElement) => number = () => 10,
) {
  const gridRef = useRef<HTMLDivElement>(null);
  const [active, setActive] = useState<GridPosition | null>(null);
  const lastFocus = useRef<FocusMemory | null>(null);

  const activeRowId = active && rowIds.includes(active.rowId) ? active.rowId : (rowIds[0] ?? null);
  const activeCol = active ? Math.min(active.col, colCount - 1) : 0;

  const focusCell = useCallback((position: GridPosition) => {
    // Rendered now, so a row outside the window exists (the grid always renders the active row) before focusing.
    flushSync(() => setActive(position));
    const selector = `[data-row-id="${CSS.escape(position.rowId)}"] [role=gridcell][data-col="${position.col}"]`;
    gridRef.current?.querySelector<HTMLElement>(selector)?.focus();
  }, []);

  // After every change of rows: if the focused element went away with a re-render, put focus back.
  useIsomorphicLayoutEffect(() => {
    const last = lastFocus.current;
    const current = document.activeElement;
    if (!last || (current && current !== document.body)) return;
    if (last.element.isConnected) {
      last.element.focus();
      return;
    }
    const rowId = rowIds.includes(last.rowId) ? last.rowId : rowIds[Math.min(last.index, rowIds.length - 1)];
    if (rowId) focusCell({ rowId, col: last.col });
  }, [rowIds, focusCell]);

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
        case "PageUp":
        case "PageDown": {
          const step = gridRef.current ? pageRows(gridRef.current) : 10;
          const to =
            event.key === "PageUp" ? Math.max(0, rowIndex - step) : Math.min(rowIds.length - 1, rowIndex + step);
          target = { rowId: rowIds[to], col };
          break;
        }
        case "Home":
          target = { rowId: event.ctrlKey ? rowIds[0] : rowId, col: 0 };
          break;
        case "End":
          target = { rowId: event.ctrlKey ? rowIds[rowIds.length - 1] : rowId, col: colCount - 1 };
          break;
        case "Enter":
        case "F2": {
          event.preventDefault();
          safeControl(cell)?.focus();
          return;
        }
        default:
          return;
      }
      event.preventDefault();
      if (target.rowId) focusCell(target);
    },
    [rowIds, colCount, focusCell, pageRows],
  );

  /** Clicking straight into a control makes its cell the active one. */
  const onFocus = useCallback(
    (event: FocusEvent<HTMLElement>) => {
      const found = locate(event.target);
      if (!found) return;
      lastFocus.current = {
        element: event.target as HTMLElement,
        rowId: found.rowId,
        col: found.col,
        index: Math.max(0, rowIds.indexOf(found.rowId)),
      };
      setActive((current) =>
        current?.rowId === found.rowId && current.col === found.col ? current : { rowId: found.rowId, col: found.col },
      );
    },
    [rowIds],
  );

  /** Focus leaving the grid for somewhere else is not to be undone; focus lost with a removed element is. */
  const onBlur = useCallback((event: FocusEvent<HTMLElement>) => {
    const element = event.target;
    const to = event.relatedTarget as Node | null;
    if (to && gridRef.current?.contains(to)) return;
    if (to) {
      lastFocus.current = null;
      return;
    }
    // Blurred to nothing: a click on the page background (forget) or a removal (remember, restored above).
    requestAnimationFrame(() => {
      if (element.isConnected && lastFocus.current?.element === element && document.activeElement !== element)
        lastFocus.current = null;
    });
  }, []);

  return { gridRef, activeRowId, activeCol, focusCell, gridProps: { onKeyDown, onFocus, onBlur } };
}
