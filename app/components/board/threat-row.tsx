/** One threat of the matrix. Memoized: rows that did not change keep their objects (see stable-rows). */
import { memo, useMemo } from "react";
import type { PresenceEntry } from "~/hooks/use-presence";
import { t } from "~/i18n";
import type { ThreatRow } from "../../../core/board-doc";
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

interface Props {
  row: ThreatRow;
  /** Index among all rows (for moving and for the "Untitled threat n" fallback). */
  index: number;
  total: number;
  /** Column of the roving tab stop when it is in this row, else null. */
  activeCol: number | null;
  /** Other people focusing a field of this row. */
  editors: readonly PresenceEntry[];
  onDelete: (rowId: string) => void;
}

const NOBODY: readonly PresenceEntry[] = [];

export const ThreatRowView = memo(function ThreatRowView({ row, index, total, activeCol, editors, onDelete }: Props) {
  const title = row.title.trim() || t("board.untitled", { n: index + 1 });
  const editorsIn = (col: number) => {
    const found = editors.filter((editor) => editor.focus && columnOfField(editor.focus.field) === col);
    return found.length > 0 ? found : NOBODY;
  };
  const cell = (col: number) => ({ col, active: activeCol === col, editors: editorsIn(col) });
  // Agreed rows are locked for everyone until the chair reopens them.
  const board = useBoard();
  const locked = useConsensusOptional()?.data?.consensus.rows[row.id]?.workflow.state === "agreed";
  const rowBoard = useMemo(() => (locked ? { ...board, readOnly: true, locked: true } : board), [board, locked]);
  return (
    <BoardProvider value={rowBoard}>
      <div
        role="row"
        className={`grid-row resp-row-${row.responsibility}${locked ? " grid-row-locked" : ""}`}
        data-row-id={row.id}
        data-testid="threat-row"
        data-responsibility={row.responsibility}
        data-locked={locked || undefined}
        aria-rowindex={index + 2}
      >
        <GridCell {...cell(COLUMNS.threat)}>
          <TitleCell row={row} />
          <RowStatus rowId={row.id} title={title} />
        </GridCell>
        <GridCell {...cell(COLUMNS.responsibility)}>
          <ResponsibilityControl row={row} title={title} />
        </GridCell>
        <GridCell {...cell(COLUMNS.instruments)}>
          <InstrumentsCell row={row} title={title} />
        </GridCell>
        <GridCell {...cell(COLUMNS.notes)}>
          <YTextField rowId={row.id} field="notes" label={t("grid.notes")} multiline className="notes-input" />
        </GridCell>
        <GridCell {...cell(COLUMNS.actions)}>
          <RowActions rowId={row.id} title={title} index={index} total={total} onDelete={onDelete} />
        </GridCell>
      </div>
    </BoardProvider>
  );
});
