/**
 * The matrix: role="grid" with keyboard navigation, one row per threat.
 * Only the rows in view (plus a margin, plus the row holding the tab stop)
 * are in the DOM; aria-rowcount/aria-rowindex tell assistive technology where
 * they sit, and the keyboard moves across rows that are not rendered.
 * Also reports which field this person is editing (presence focus).
 */
import { useIsomorphicLayoutEffect } from "~/hooks/use-isomorphic-layout-effect";
import { defaultRangeExtractor, useVirtualizer, type Range } from "@tanstack/react-virtual";
import { memo, useCallback, useEffect, useMemo, useRef, useState, type FocusEvent } from "react";
import type { ScrollRequest } from "~/hooks/use-follow-chair";
import { useGridNavigation } from "~/hooks/use-grid-navigation";
import type { PresenceEntry } from "~/hooks/use-presence";
import { t } from "~/i18n";
import { ROW_HEIGHT_ESTIMATE, type Density } from "~/lib/density";
import { assignRowSlots, NO_SLOTS } from "~/lib/row-slots";
import { PRESENCE_FIELDS, type PresenceField, type PresenceFocus } from "../../../core/presence";
import { COLUMN_COUNT } from "./columns";
import { ThreatRowView } from "./threat-row";

interface Props {
  /** Ids of the rows to show (filtered), in order. */
  rowIds: readonly string[];
  /** All row ids in order, for moving. */
  allRowIds: readonly string[];
  presence: readonly PresenceEntry[];
  density: Density;
  onFocusChange: (focus: PresenceFocus | null) => void;
  onDeleteRow: (rowId: string) => void;
  describedBy?: string;
  /** Rows of the agenda item under discussion: highlighted (decision 021). */
  currentRowIds?: ReadonlySet<string>;
  /** Follow the chair: scroll to this row (each new request once). */
  scrollTo?: ScrollRequest | null;
}

const NOBODY: readonly PresenceEntry[] = [];
const NO_ROWS: ReadonlySet<string> = new Set();
const HEADERS = [
  "grid.colThreat",
  "grid.colResponsibility",
  "grid.colInstruments",
  "grid.colNotes",
  "grid.colActions",
] as const;
/** Small boards keep every row in the DOM (find-in-page works, nothing to gain); larger ones render a window. */
const RENDER_ALL_UP_TO = 60;
/**
 * Rows rendered beyond the window on each side. Every filter change mounts the whole window again (other rows):
 * 8 made ~42 rows at 1440×900 compact, 3 makes ~32 (filter at 1,000 rows under load: 306 → 168 ms median).
 */
const OVERSCAN = 3;
/** What the server renders before it knows the window: a 1440×900 screen. */
const INITIAL_RECT = { width: 1440, height: 900 };

/** The rendered row holding the focus, if any (read while rendering: no state to keep in step). */
function focusedRowId(grid: HTMLElement | null): string | null {
  const focused = grid?.ownerDocument.activeElement;
  if (!grid || !focused || !grid.contains(focused)) return null;
  return focused.closest<HTMLElement>("[data-row-id]")?.dataset.rowId ?? null;
}

function focusOf(target: EventTarget | null): PresenceFocus | null {
  if (!(target instanceof HTMLElement) || target.getAttribute("role") === "gridcell") return null;
  const field = target.closest<HTMLElement>("[data-field]")?.dataset.field;
  const rowId = target.closest<HTMLElement>("[data-row-id]")?.dataset.rowId;
  if (!rowId || !PRESENCE_FIELDS.includes(field as PresenceField)) return null;
  return { rowId, field: field as PresenceField };
}

export const ThreatGrid = memo(function ThreatGrid({
  rowIds,
  allRowIds,
  presence,
  density,
  onFocusChange,
  onDeleteRow,
  describedBy,
  currentRowIds = NO_ROWS,
  scrollTo = null,
}: Props) {
  const estimate = ROW_HEIGHT_ESTIMATE[density];
  // Compact rows have one fixed height (app.css): placed at fixed steps, never measured (GRID-12). Measuring made
  // every filter change force a layout per rendered row (~70 ms of 136 at 1,000 rows). Comfortable rows grow with
  // their content (wrapped chips, the description preview, two-line notes), which that density is for: measured.
  const fixedHeight = density === "compact";
  const headRef = useRef<HTMLDivElement>(null);
  const [headHeight, setHeadHeight] = useState(36);
  const pageRows = useCallback(
    (grid: HTMLElement) => Math.max(1, Math.floor((grid.clientHeight - headHeight) / estimate) - 1),
    [estimate, headHeight],
  );
  const { gridRef, activeRowId, activeCol, gridProps } = useGridNavigation(rowIds, COLUMN_COUNT, pageRows);
  const activeIndex = activeRowId === null ? -1 : rowIds.indexOf(activeRowId);
  const renderAll = rowIds.length <= RENDER_ALL_UP_TO;

  const rangeExtractor = useCallback(
    (range: Range) => {
      const indexes = defaultRangeExtractor(range);
      // The row with the tab stop stays rendered, so Tab always lands in the grid and focus is never dropped.
      if (activeIndex >= 0 && !indexes.includes(activeIndex)) {
        indexes.push(activeIndex);
        indexes.sort((a, b) => a - b);
      }
      return indexes;
    },
    [activeIndex],
  );
  const virtualizer = useVirtualizer({
    count: rowIds.length,
    getScrollElement: () => gridRef.current,
    estimateSize: () => estimate,
    getItemKey: (index) => rowIds[index],
    overscan: renderAll ? rowIds.length : OVERSCAN,
    rangeExtractor,
    initialRect: INITIAL_RECT,
    scrollMargin: headHeight,
    scrollPaddingStart: headHeight,
  });
  // Row heights change with the density: measure again.
  useIsomorphicLayoutEffect(() => {
    const height = headRef.current?.offsetHeight;
    if (height && height !== headHeight) setHeadHeight(height);
    virtualizer.measure();
  }, [density, headHeight, virtualizer]);

  const editorsByRow = useMemo(() => {
    const map = new Map<string, PresenceEntry[]>();
    for (const entry of presence) {
      if (entry.isLocal || !entry.focus) continue;
      const list = map.get(entry.focus.rowId) ?? [];
      list.push(entry);
      map.set(entry.focus.rowId, list);
    }
    return map;
  }, [presence]);

  const indexById = useMemo(() => new Map(allRowIds.map((id, index) => [id, index])), [allRowIds]);

  const onFocus = useCallback(
    (event: FocusEvent<HTMLDivElement>) => {
      gridProps.onFocus(event);
      onFocusChange(focusOf(event.target));
    },
    [gridProps, onFocusChange],
  );
  const onBlur = useCallback(
    (event: FocusEvent<HTMLDivElement>) => {
      gridProps.onBlur(event);
      if (!focusOf(event.relatedTarget)) onFocusChange(null);
    },
    [gridProps, onFocusChange],
  );

  // Follow the chair: bring the row into the grid's window (rendering it), then into the page's view.
  useEffect(() => {
    if (!scrollTo) return;
    const index = rowIds.indexOf(scrollTo.rowId);
    if (index < 0) return;
    virtualizer.scrollToIndex(index, { align: "start" });
    const frame = requestAnimationFrame(() =>
      requestAnimationFrame(() =>
        gridRef.current
          ?.querySelector(`[data-row-id="${CSS.escape(scrollTo.rowId)}"]`)
          ?.scrollIntoView({ block: "center" }),
      ),
    );
    return () => cancelAnimationFrame(frame);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once per request, not on every row change
  }, [scrollTo]);

  const items = virtualizer.getVirtualItems();
  // Rows that come in take the keys (and so the DOM) of rows that left (GRID-16); kept from the committed render.
  const slotsRef = useRef(NO_SLOTS);
  const freshKeys = useRef(0);
  const slots = assignRowSlots(
    slotsRef.current,
    items.map((item) => rowIds[item.index]),
    () => `row-${freshKeys.current++}`,
    activeRowId,
    focusedRowId(gridRef.current),
  );
  useIsomorphicLayoutEffect(() => {
    slotsRef.current = slots;
  });
  return (
    <div
      ref={gridRef}
      role="grid"
      className={`grid density-${density}`}
      aria-label={t("grid.label")}
      aria-describedby={describedBy}
      aria-rowcount={rowIds.length + 1}
      aria-colcount={COLUMN_COUNT}
      data-testid="threat-grid"
      data-rendered-rows={items.length}
      onKeyDown={gridProps.onKeyDown}
      onFocus={onFocus}
      onBlur={onBlur}
    >
      <div role="rowgroup" className="grid-head" ref={headRef}>
        <div role="row" className="grid-row grid-header-row" aria-rowindex={1}>
          {HEADERS.map((key) => (
            <div role="columnheader" key={key} className="grid-header-cell">
              {t(key)}
            </div>
          ))}
        </div>
      </div>
      <div role="rowgroup" className="grid-body" style={{ height: virtualizer.getTotalSize() }}>
        {items.map((item, slot) => {
          const rowId = rowIds[item.index];
          return (
            <ThreatRowView
              key={slots.keys[slot]}
              rowId={rowId}
              ariaRowIndex={item.index + 2}
              top={item.start - headHeight}
              measureRef={fixedHeight ? undefined : virtualizer.measureElement}
              virtualIndex={item.index}
              index={indexById.get(rowId) ?? 0}
              total={allRowIds.length}
              activeCol={rowId === activeRowId ? activeCol : null}
              editors={editorsByRow.get(rowId) ?? NOBODY}
              current={currentRowIds.has(rowId)}
              onDelete={onDeleteRow}
            />
          );
        })}
      </div>
    </div>
  );
});
