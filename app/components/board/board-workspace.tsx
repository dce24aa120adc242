/**
 * The live board page: connection, role, summaries, filters, the matrix,
 * presence, custom instruments, and one side panel at a time (activity, open
 * threads, or a threat's agreement, positions and comments).
 */
import { useRevalidator } from "@remix-run/react";
import { memo, useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from "react";
import type * as Y from "yjs";
import { flushSync } from "react-dom";
import { useBoardAnnouncements } from "~/hooks/use-board-announcements";
import { useRemoteRowAnnouncements } from "~/hooks/use-remote-row-announcements";
import { useBoardConnection } from "~/hooks/use-board-connection";
import { useRefusedEdits } from "~/hooks/use-refused-edits";
import { useConsensusValue } from "~/hooks/use-consensus-value";
import { useLiveRole } from "~/hooks/use-live-role";
import { useLocalFocus, usePresence } from "~/hooks/use-presence";
import { useAllRows, useRow, useRowIds, useRowsDigest, useRowStore, useVisibleRowIds } from "~/hooks/use-rows";
import { useUndoManager, useUndoShortcuts } from "~/hooks/use-undo-manager";
import { t } from "~/i18n";
import { addRow, deleteRow } from "../../../core/board-doc";
import { ROLE_CAN } from "../../../core/roles";
import { decodeSnapshot } from "~/lib/board-snapshot";
import type { Density } from "~/lib/density";
import { EMPTY_FILTER, isFilterActive, type RowFilter } from "~/lib/row-filter";
import {
  responsibilitiesOf,
  sameResponsibilities,
  sameRowIds,
  sameString,
  sameTitles,
  titlesOf,
  warningsKey,
} from "~/lib/row-digests";
import { settledDigest } from "~/lib/row-settled-digest";
import type { RowStore } from "~/lib/row-store";
import type { BoardRole, BoardSummary, InstrumentInfo } from "../../../core/services";
import { AgreementSummary } from "../consensus/agreement-summary";
import { OrganisationSummary } from "../consensus/organisation-summary";
import { ConsensusProvider, type RowPanelSection } from "../consensus/consensus-context";
import { OpenThreadsPanel } from "../consensus/open-threads-panel";
import { RowLockedNotice } from "../consensus/row-locked-notice";
import { RowPanel } from "../consensus/row-panel";
import { ThreadsButton } from "../consensus/threads-button";
import { AccessBadge } from "./access-badge";
import { ActivityPanel } from "./activity-panel";
import { BoardProvider, type BoardContextValue } from "./board-context";
import { BoardHeader } from "./board-header";
import { BoardToolbar } from "./board-toolbar";
import { COLUMNS } from "./columns";
import { ConnectionBanner } from "./connection-banner";
import { BoardWarnings } from "./board-warnings";
import { ConnectionStatus } from "./connection-status";
import { RefusedEditsPanel } from "./refused-edits-panel";
import { CustomInstrumentForm } from "./custom-instrument-form";
import { FilterBar } from "./filter-bar";
import { BoardNav } from "./board-nav";
import { PresenceAvatars, type PresenceSelf } from "./presence-avatars";
import { ResponsibilitySummary } from "./responsibility-summary";
import { CoverageHeatmap } from "./coverage-heatmap";
import { DensitySwitch } from "./density-switch";
import { ImportPanel } from "./import-panel";
import { ThreatGrid } from "./threat-grid";
import { UndoNotice } from "./undo-notice";
import { MeetingPanel } from "../meeting/meeting-panel";
import { useMeeting, type MeetingData } from "~/hooks/use-meeting";
import { useFollowChair, useFollowScroll } from "~/hooks/use-follow-chair";

interface Props {
  board: BoardSummary;
  instruments: readonly InstrumentInfo[];
  /** The role when the page loaded; the server's access messages update it live. */
  role: BoardRole;
  self: PresenceSelf;
  /** The board's Yjs state when the page was rendered (base64), so the first paint has the rows. */
  snapshot: string | null;
  density: Density;
}

const HELP_ID = "board-keyboard-help";

type SidePanelState =
  { kind: "activity" } | { kind: "threads" } | { kind: "row"; rowId: string; section: RowPanelSection } | null;

function titleOfRow(store: RowStore, rowId: string, index: number): string {
  return store.getRow(rowId)?.title.trim() || t("board.untitled", { n: index + 1 });
}

/** Focus something in a row; call after flushSync so the row is rendered (typing may follow at once). */
function focusInRow(rowId: string, selector: string) {
  document.querySelector<HTMLElement>(`[data-row-id="${CSS.escape(rowId)}"] ${selector}`)?.focus();
}

/**
 * Summaries read the rows' responsibilities only: typing in a text field re-renders neither them nor the page.
 * Memoized, as every Live* part of the page: a filter change re-renders the page, and the agreement and organisation
 * summaries compute every row's consensus (~10 ms at 1,000 rows under load) for nothing (GRID-14).
 */
const LiveSummaries = memo(function LiveSummaries({ store }: { store: RowStore }) {
  const rows = useRowsDigest(store, responsibilitiesOf, sameResponsibilities);
  const rowIds = useRowIds(store);
  return (
    <div className="summaries">
      <ResponsibilitySummary rows={rows} />
      <AgreementSummary rowIds={rowIds} />
      <OrganisationSummary rows={rows} />
    </div>
  );
});

/**
 * The meeting panel reads every row's title (the chair's agenda form lists them, a select of every threat): its own
 * component, and a title edit reaches it once typing has paused (rows added, removed or moved at once), so a
 * keystroke renders, lays out and paints the row alone, not a 1,000-option select as well (GRID-14).
 */
const MemoMeetingPanel = memo(MeetingPanel);
const TITLES_QUIET_MS = 600;
const LiveMeeting = memo(function LiveMeeting({
  store,
  data,
  ...props
}: Omit<Parameters<typeof MeetingPanel>[0], "rows" | "data"> & { store: RowStore; data: MeetingData | null }) {
  const settled = useMemo(
    () => settledDigest(store, titlesOf, sameTitles, (shown, next) => !sameRowIds(shown, next), TITLES_QUIET_MS),
    [store],
  );
  const titles = useSyncExternalStore(settled.subscribe, settled.read, settled.read);
  const rows = useMemo(
    () =>
      titles.map((row, index) => ({ id: row.id, title: row.title.trim() || t("board.untitled", { n: index + 1 }) })),
    [titles],
  );
  if (!data) return null;
  return <MemoMeetingPanel {...props} data={data} rows={rows} />;
});

/** The warnings are read again only when a field passes (or is back under) its limit, or rows are added or removed. */
const LiveWarnings = memo(function LiveWarnings({ doc, store }: { doc: Y.Doc; store: RowStore }) {
  return <BoardWarnings doc={doc} trigger={useRowsDigest(store, warningsKey, sameString)} />;
});

const LiveHeatmap = memo(function LiveHeatmap({
  store,
  instruments,
}: {
  store: RowStore;
  instruments: readonly InstrumentInfo[];
}) {
  return <CoverageHeatmap rows={useAllRows(store)} instruments={instruments} />;
});

export function BoardWorkspace({
  board,
  instruments,
  role: loaderRole,
  self,
  snapshot,
  density: initialDensity,
}: Props) {
  const [initialState] = useState(() => (snapshot ? decodeSnapshot(snapshot) : null));
  // The live document, from the first render: the grid is editable once hydrated, before the socket syncs.
  const connection = useBoardConnection(board.id, initialState, self.id);
  const refused = useRefusedEdits(connection.doc, self.id, board.id, connection);
  const { awareness, doc } = connection;
  const store = useRowStore(doc);
  const archived = board.archivedAt !== null;
  const { role, canWrite } = useLiveRole(connection, loaderRole, archived);
  const readOnly = !canWrite;
  const [density, setDensity] = useState(initialDensity);
  const [heatmapOpen, setHeatmapOpen] = useState(false);
  // Someone added a custom instrument: read the list again so it shows by name and can be picked here too.
  const revalidator = useRevalidator();
  const revalidate = useRef(revalidator.revalidate);
  revalidate.current = revalidator.revalidate;
  const { subscribeBoardEvents } = connection;
  useEffect(
    () =>
      subscribeBoardEvents((event) => {
        if (event.kind === "instruments") revalidate.current();
      }),
    [subscribeBoardEvents],
  );
  const { undoManager, undo, redo, canUndo, canRedo } = useUndoManager(doc);
  useUndoShortcuts(undo, redo, canWrite);
  const [panel, setPanel] = useState<SidePanelState>(null);
  const closePanel = useCallback(() => setPanel(null), []);
  const togglePanel = (kind: "activity" | "threads") => setPanel((open) => (open?.kind === kind ? null : { kind }));
  const presence = usePresence(awareness);
  const setFocus = useLocalFocus(awareness);
  const openRow = useCallback(
    (rowId: string, section: RowPanelSection) => setPanel({ kind: "row", rowId, section }),
    [],
  );
  const peopleIds = useMemo(() => presence.map((entry) => entry.user.id), [presence]);
  const consensus = useConsensusValue({ boardId: board.id, connection, peopleIds, role, archived, openRow });
  const [filter, setFilter] = useState<RowFilter>(EMPTY_FILTER);
  const [notice, setNotice] = useState<string | null>(null);
  const announcement = useBoardAnnouncements(
    {
      status: connection.status,
      synced: connection.synced,
      everSynced: connection.everSynced,
      closeCode: connection.permanentClose?.code ?? null,
    },
    role,
    canWrite,
  );

  const rowAnnouncement = useRemoteRowAnnouncements(doc);
  const allRowIds = useRowIds(store);
  const visibleIds = useVisibleRowIds(store, filter);
  const instrumentsById = useMemo(() => new Map(instruments.map((i) => [i.id, i])), [instruments]);
  const context = useMemo<BoardContextValue>(
    () => ({ doc, rows: store, undoManager, instruments, instrumentsById, readOnly }),
    [doc, store, undoManager, instruments, instrumentsById, readOnly],
  );

  const onAddRow = useCallback(() => {
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
      const index = visibleIds.indexOf(rowId);
      const neighbour = visibleIds[index + 1] ?? visibleIds[index - 1];
      const title = titleOfRow(store, rowId, allRowIds.indexOf(rowId));
      undoManager?.stopCapturing(); // its own undo step
      flushSync(() => {
        deleteRow(doc, rowId);
        setNotice(t("board.rowDeletedNamed", { title }));
      });
      if (neighbour) focusInRow(neighbour, `[role=gridcell][data-col="${COLUMNS.actions}"]`);
    },
    [doc, undoManager, visibleIds, store, allRowIds],
  );
  const dismissNotice = useCallback(() => setNotice(null), []);
  // The notice's Undo button goes away with the notice: focus goes back to the grid's current cell.
  const undoFromNotice = useCallback(() => {
    undo();
    requestAnimationFrame(() =>
      document.querySelector<HTMLElement>('[data-testid="threat-grid"] [role=gridcell][tabindex="0"]')?.focus(),
    );
  }, [undo]);

  // With a rendered snapshot the rows are there from the start; "loading" only for a board the server had no state for.
  const loading = !connection.everSynced && allRowIds.length === 0 && snapshot === null;

  const titleOf = useCallback(
    (rowId: string) => {
      const index = allRowIds.indexOf(rowId);
      return index < 0 ? null : titleOfRow(store, rowId, index);
    },
    [store, allRowIds],
  );
  const panelRowTitle = panel?.kind === "row" ? titleOf(panel.rowId) : null;
  const panelRow = useRow(store, panel?.kind === "row" ? panel.rowId : "");

  // The meeting: the current item's rows are highlighted; followers' grids scroll to its first row.
  const meeting = useMeeting(board.id, connection.subscribeBoardEvents, connection.synced);
  const follow = useFollowChair(self.id, board.id, loaderRole === "chair");
  const currentItemId = meeting.data?.meeting.currentItemId ?? null;
  const currentItem = meeting.data?.meeting.items.find((item) => item.id === currentItemId) ?? null;
  const currentRowIds = useMemo(() => new Set(currentItem?.rowIds ?? []), [currentItem]);
  const firstCurrentRow = useMemo(() => {
    if (!currentItem) return null;
    const live = new Set(allRowIds);
    return currentItem.rowIds.find((rowId) => live.has(rowId)) ?? null;
  }, [currentItem, allRowIds]);
  const scrollTo = useFollowScroll(firstCurrentRow, currentItemId, follow.following);

  return (
    <ConsensusProvider value={consensus}>
      <div
        className={panel ? "board board-with-panel" : "board"}
        data-testid="board"
        data-role={role}
        data-read-only={readOnly}
        // Hydrated, and edits go to the live document (kept until acknowledged, merged by the sync): for tests.
        data-live={connection.provider !== null}
      >
        {/* The consensus data follows a forum change live; the loader's value serves until it arrives. */}
        <BoardHeader title={board.title} archived={archived} forum={consensus.data?.consensus.forum ?? board.forum}>
          <ThreadsButton open={panel?.kind === "threads"} onToggle={() => togglePanel("threads")} />
          <AccessBadge role={role} canWrite={canWrite} archived={archived} />
          <PresenceAvatars entries={presence} self={self} />
          <ConnectionStatus
            status={connection.status}
            synced={connection.synced}
            saves={connection.saves}
            refused={refused.count}
            canWrite={canWrite}
          />
        </BoardHeader>
        <BoardNav
          boardId={board.id}
          role={role}
          activityOpen={panel?.kind === "activity"}
          onToggleActivity={() => togglePanel("activity")}
        />
        <ConnectionBanner
          status={connection.status}
          permanentClose={connection.permanentClose}
          lastCloseCode={connection.lastCloseCode}
        />
        <RefusedEditsPanel refused={refused} />
        <LiveWarnings doc={doc} store={store} />
        {/* Always in the DOM so screen readers pick up changes: connection lost/restored/closed, role changed. */}
        <div role="status" className="visually-hidden" data-testid="board-announcer">
          {announcement}
        </div>
        {/* Other people's changes to the row this person is on: polite, at most one message per few seconds. */}
        <div role="status" className="visually-hidden" data-testid="row-announcer">
          {rowAnnouncement}
        </div>
        <LiveSummaries store={store} />
        <LiveMeeting
          store={store}
          boardId={board.id}
          data={meeting.data}
          offset={meeting.offset}
          role={role}
          archived={archived}
          following={follow.following}
          onToggleFollow={follow.toggle}
          titleOf={titleOf}
        />
        <div className="board-controls">
          <FilterBar filter={filter} onChange={setFilter} shown={visibleIds.length} total={allRowIds.length} />
          <DensitySwitch density={density} onChange={setDensity} />
          {!readOnly && (
            <BoardToolbar
              onAddRow={onAddRow}
              canAdd={connection.everSynced || snapshot !== null}
              onUndo={undo}
              onRedo={redo}
              canUndo={canUndo}
              canRedo={canRedo}
            />
          )}
        </div>
        <UndoNotice message={notice} onUndo={undoFromNotice} onDismiss={dismissNotice} />
        <RowLockedNotice subscribe={connection.subscribeBoardEvents} />
        <p id={HELP_ID} className="hint">
          {t("board.keyboardHelp")}
        </p>
        <BoardProvider value={context}>
          <ThreatGrid
            rowIds={visibleIds}
            allRowIds={allRowIds}
            presence={presence}
            density={density}
            onFocusChange={setFocus}
            onDeleteRow={onDeleteRow}
            describedBy={HELP_ID}
            currentRowIds={currentRowIds}
            scrollTo={scrollTo}
          />
        </BoardProvider>
        {loading ? (
          <p className="grid-message" data-testid="board-loading">
            {t("board.loading")}
          </p>
        ) : allRowIds.length === 0 ? (
          <p className="grid-message">{t("board.emptyRows")}</p>
        ) : visibleIds.length === 0 ? (
          <p className="grid-message">{t("board.noMatch")}</p>
        ) : null}
        <details
          className="board-section"
          data-testid="coverage-section"
          onToggle={(event) => setHeatmapOpen(event.currentTarget.open)}
        >
          <summary>{t("heatmap.heading")}</summary>
          {/* A table of every threat: built only when someone opens it. */}
          {heatmapOpen && <LiveHeatmap store={store} instruments={instruments} />}
        </details>
        {ROLE_CAN.edit(role) && <CustomInstrumentForm />}
        {ROLE_CAN.edit(role) && (
          <details className="board-section" data-testid="import-section">
            <summary>{t("versionImport.heading")}</summary>
            <ImportPanel
              doc={connection.everSynced ? doc : null}
              boardId={board.id}
              instruments={instruments}
              canEdit={canWrite}
              undoManager={undoManager}
            />
          </details>
        )}
        {panel?.kind === "activity" && <ActivityPanel boardId={board.id} onClose={closePanel} />}
        {panel?.kind === "threads" && <OpenThreadsPanel titleOf={titleOf} onClose={closePanel} />}
        {panel?.kind === "row" && panelRowTitle !== null && (
          <RowPanel
            key={`${panel.rowId}:${panel.section}`}
            rowId={panel.rowId}
            title={panelRowTitle}
            row={panelRow}
            section={panel.section}
            responsibility={store.getRow(panel.rowId)?.responsibility}
            onClose={closePanel}
          />
        )}
      </div>
    </ConsensusProvider>
  );
}
