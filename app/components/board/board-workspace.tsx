/** The live board page: connection, summary, filters, the matrix, presence, custom instruments. */
import { useCallback, useMemo, useState } from "react";
import { flushSync } from "react-dom";
import { useBoardConnection } from "~/hooks/use-board-connection";
import { useLocalFocus, usePresence } from "~/hooks/use-presence";
import { useRows } from "~/hooks/use-rows";
import { useUndoManager, useUndoShortcuts } from "~/hooks/use-undo-manager";
import { t } from "~/i18n";
import { addRow, deleteRow } from "~/lib/board-doc";
import type { GuestIdentity } from "~/lib/guest-identity";
import { EMPTY_FILTER, filterRows, isFilterActive, type RowFilter } from "~/lib/row-filter";
import type { BoardSummary, InstrumentInfo } from "~/load-context";
import { BoardProvider, type BoardContextValue } from "./board-context";
import { BoardHeader } from "./board-header";
import { BoardToolbar } from "./board-toolbar";
import { COLUMNS } from "./columns";
import { ConnectionBanner } from "./connection-banner";
import { ConnectionStatus } from "./connection-status";
import { CustomInstrumentForm } from "./custom-instrument-form";
import { FilterBar } from "./filter-bar";
import { PresenceAvatars } from "./presence-avatars";
import { ResponsibilitySummary } from "./responsibility-summary";
import { ThreatGrid } from "./threat-grid";
import { UndoNotice } from "./undo-notice";

interface Props {
  board: BoardSummary;
  instruments: readonly InstrumentInfo[];
  identity: GuestIdentity;
}

const HELP_ID = "board-keyboard-help";

/** Focus something in a row; call after flushSync so the row is rendered (typing may follow at once). */
function focusInRow(rowId: string, selector: string) {
  document.querySelector<HTMLElement>(`[data-row-id="${CSS.escape(rowId)}"] ${selector}`)?.focus();
}

export function BoardWorkspace({ board, instruments, identity }: Props) {
  const connection = useBoardConnection(board.id);
  const { doc, awareness } = connection;
  const rows = useRows(doc);
  const { undoManager, undo, redo, canUndo, canRedo } = useUndoManager(doc);
  useUndoShortcuts(undo, redo, doc !== null);
  const presence = usePresence(awareness);
  const setFocus = useLocalFocus(awareness);
  const [filter, setFilter] = useState<RowFilter>(EMPTY_FILTER);
  const [notice, setNotice] = useState<string | null>(null);

  const visibleRows = useMemo(() => filterRows(rows, filter), [rows, filter]);
  const allRowIds = useMemo(() => rows.map((row) => row.id), [rows]);
  const instrumentsById = useMemo(() => new Map(instruments.map((i) => [i.id, i])), [instruments]);
  const context = useMemo<BoardContextValue | null>(
    () => (doc ? { doc, undoManager, instruments, instrumentsById } : null),
    [doc, undoManager, instruments, instrumentsById],
  );

  const onAddRow = useCallback(() => {
    if (!doc) return;
    undoManager?.stopCapturing();
    let rowId = "";
    flushSync(() => {
      if (isFilterActive(filter)) setFilter(EMPTY_FILTER); // otherwise the new, empty row could be hidden
      rowId = addRow(doc);
    });
    focusInRow(rowId, 'input[data-field="title"]');
  }, [doc, filter, undoManager]);

  const onDeleteRow = useCallback(
    (rowId: string) => {
      if (!doc) return;
      const visibleIds = visibleRows.map((row) => row.id);
      const index = visibleIds.indexOf(rowId);
      const neighbour = visibleIds[index + 1] ?? visibleIds[index - 1];
      undoManager?.stopCapturing(); // its own undo step
      flushSync(() => {
        deleteRow(doc, rowId);
        setNotice(t("board.rowDeleted"));
      });
      if (neighbour) focusInRow(neighbour, `[role=gridcell][data-col="${COLUMNS.actions}"]`);
    },
    [doc, undoManager, visibleRows],
  );
  const dismissNotice = useCallback(() => setNotice(null), []);

  const loading = !connection.everSynced && rows.length === 0;

  return (
    <div className="board">
      <BoardHeader title={board.title} archived={board.archivedAt !== null}>
        <PresenceAvatars entries={presence} self={identity} />
        <ConnectionStatus status={connection.status} synced={connection.synced} />
      </BoardHeader>
      <ConnectionBanner status={connection.status} permanentClose={connection.permanentClose} />
      <ResponsibilitySummary rows={rows} />
      <div className="board-controls">
        <FilterBar filter={filter} onChange={setFilter} shown={visibleRows.length} total={rows.length} />
        <BoardToolbar onAddRow={onAddRow} canAdd={doc !== null && connection.everSynced} onUndo={undo} onRedo={redo} canUndo={canUndo} canRedo={canRedo} />
      </div>
      <UndoNotice message={notice} onUndo={undo} onDismiss={dismissNotice} />
      <p id={HELP_ID} className="hint">
        {t("board.keyboardHelp")}
      </p>
      {context && (
        <BoardProvider value={context}>
          <ThreatGrid rows={visibleRows} allRowIds={allRowIds} presence={presence} onFocusChange={setFocus} onDeleteRow={onDeleteRow} describedBy={HELP_ID} />
        </BoardProvider>
      )}
      {loading ? (
        <p className="grid-message" data-testid="board-loading">
          {t("board.loading")}
        </p>
      ) : rows.length === 0 ? (
        <p className="grid-message">{t("board.emptyRows")}</p>
      ) : visibleRows.length === 0 ? (
        <p className="grid-message">{t("board.noMatch")}</p>
      ) : null}
      <CustomInstrumentForm />
    </div>
  );
}
