/**
 * One threat of the matrix. It subscribes to its own row of the document, so
 * typing in a row re-renders that row only; memoized against the grid's renders.
 */
import { memo, useCallback, useMemo, type FormEvent } from "react";
import { useRow } from "~/hooks/use-rows";
import type { PresenceEntry } from "~/hooks/use-presence";
import { t } from "~/i18n";
import { useConsensusOptional } from "../consensus/consensus-context";
import { RowStatus } from "../consensus/row-status";
import { BoardProvider, useBoard } from "./board-context";
import { COLUMNS, columnOfField } from "./columns";
import { GridCell } from "./grid-cell";
import { InstrumentsCell } from "./instruments-cell";
import { ResponsibilityControl } from "./responsibility-control";
import { RowActions } from "./row-actions";
import { TitleCell } from "./title-cell";
import { YTextField } from "./y-text-field";
import { BracketLine } from "../brackets/bracket-line";

interface Props {
  rowId: string;
  /** Position in the grid as shown (filtered), counting the header row as 1. */
  ariaRowIndex: number;
  /** Offset from the top of the grid body (only some rows are rendered, absolutely positioned). */
  top: number;
  /** Lets the virtualizer measure rows whose height depends on their content (not compact rows: GRID-12). */
  measureRef?: (element: HTMLElement | null) => void;
  virtualIndex: number;
  /** Index among all rows (for moving and for the "Untitled threat n" fallback). */
  index: number;
  total: number;
  /** Column of the roving tab stop when it is in this row, else null. */
  activeCol: number | null;
  /** Other people focusing a field of this row. */
  editors: readonly PresenceEntry[];
  onDelete: (rowId: string) => void;
  /** On the agenda item under discussion (decision 021). */
  current?: boolean;
}

const NOBODY: readonly PresenceEntry[] = [];
const preventSubmit = (event: FormEvent) => event.preventDefault();

export const ThreatRowView = memo(function ThreatRowView({
  rowId,
  ariaRowIndex,
  top,
  measureRef,
  virtualIndex,
  index,
  total,
  activeCol,
  editors,
  onDelete,
  current = false,
}: Props) {
  const board = useBoard();
  const row = useRow(board.rows, rowId);
  const locked = useConsensusOptional()?.data?.consensus.rows[rowId]?.workflow.state === "agreed";
  const rowBoard = useMemo(() => (locked ? { ...board, readOnly: true, locked: true } : board), [board, locked]);
  // A new ref per row: when the grid hands this element on to another row (GRID-16), that row is measured too.
  const measure = useCallback(
    (element: HTMLElement | null) => measureRef?.(element),
    [measureRef, rowId], // eslint-disable-line react-hooks/exhaustive-deps -- rowId: measure again for the new row
  );
  if (!row) return null;
  const title = row.title.trim() || t("board.untitled", { n: index + 1 });
  const editorsIn = (col: number) => {
    const found = editors.filter((editor) => editor.focus && columnOfField(editor.focus.field) === col);
    return found.length > 0 ? found : NOBODY;
  };
  const cell = (col: number) => ({ col, active: activeCol === col, editors: editorsIn(col) });
  return (
    <BoardProvider value={rowBoard}>
      <div
        role="row"
        className={`grid-row resp-row-${row.responsibility}${locked ? " grid-row-locked" : ""}${current ? " grid-row-current" : ""}`}
        data-row-id={row.id}
        data-testid="threat-row"
        data-responsibility={row.responsibility}
        data-locked={locked || undefined}
        data-current-item={current || undefined}
        aria-rowindex={ariaRowIndex}
        data-index={virtualIndex}
        ref={measureRef ? measure : undefined}
        style={{ top }}
      >
        {/* The row's fields in a form of their own (no role, no box, never submitted): Chromium's autofill reads the
            form of a field on every change, and for fields outside any form that is every such field of the page,
            ~6–13 ms per keystroke at 1,000 rows under load (GRID-15). */}
        <form role="none" className="grid-row-form" onSubmit={preventSubmit} noValidate>
          <GridCell {...cell(COLUMNS.threat)}>
            {current && <span className="visually-hidden">{t("meeting.currentRowNote")}</span>}
            <TitleCell row={row} />
            <BracketLine row={row} field="title" title={title} />
            <RowStatus rowId={row.id} title={title} />
          </GridCell>
          <GridCell {...cell(COLUMNS.responsibility)}>
            <ResponsibilityControl row={row} title={title} />
            <BracketLine row={row} field="responsibility" title={title} />
          </GridCell>
          <GridCell {...cell(COLUMNS.instruments)}>
            <InstrumentsCell row={row} title={title} />
          </GridCell>
          <GridCell {...cell(COLUMNS.notes)}>
            <YTextField
              rowId={row.id}
              field="notes"
              label={t("grid.notes")}
              multiline
              className="notes-input"
              hint={row.notes}
            />
          </GridCell>
          <GridCell {...cell(COLUMNS.actions)}>
            <RowActions rowId={row.id} title={title} index={index} total={total} onDelete={onDelete} />
          </GridCell>
        </form>
      </div>
    </BoardProvider>
  );
});
