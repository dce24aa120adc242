/**
 * The matrix: role="grid" with keyboard navigation, one row per threat.
 * Also reports which field this person is editing (presence focus).
 */
import { useCallback, useMemo, type FocusEvent } from "react";
import { useGridNavigation } from "~/hooks/use-grid-navigation";
import type { PresenceEntry } from "~/hooks/use-presence";
import { t } from "~/i18n";
import type { ThreatRow } from "../../../core/board-doc";
import { PRESENCE_FIELDS, type PresenceField, type PresenceFocus } from "../../../core/presence";
import { COLUMN_COUNT } from "./columns";
import { ThreatRowView } from "./threat-row";

interface Props {
  /** Rows to show (filtered), in order. */
  rows: readonly ThreatRow[];
  /** All row ids in order, for moving. */
  allRowIds: readonly string[];
  presence: readonly PresenceEntry[];
  onFocusChange: (focus: PresenceFocus | null) => void;
  onDeleteRow: (rowId: string) => void;
  describedBy?: string;
}

const NOBODY: readonly PresenceEntry[] = [];
const HEADERS = [
  "grid.colThreat",
  "grid.colResponsibility",
  "grid.colInstruments",
  "grid.colNotes",
  "grid.colActions",
] as const;

function focusOf(target: EventTarget | null): PresenceFocus | null {
  if (!(target instanceof HTMLElement) || target.getAttribute("role") === "gridcell") return null;
  const field = target.closest<HTMLElement>("[data-field]")?.dataset.field;
  const rowId = target.closest<HTMLElement>("[data-row-id]")?.dataset.rowId;
  if (!rowId || !PRESENCE_FIELDS.includes(field as PresenceField)) return null;
  return { rowId, field: field as PresenceField };
}

export function ThreatGrid({ rows, allRowIds, presence, onFocusChange, onDeleteRow, describedBy }: Props) {
  const rowIds = useMemo(() => rows.map((row) => row.id), [rows]);
  const { gridRef, activeRowId, activeCol, gridProps } = useGridNavigation(rowIds, COLUMN_COUNT);

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
      if (!focusOf(event.relatedTarget)) onFocusChange(null);
    },
    [onFocusChange],
  );

  return (
    <div
      ref={gridRef}
      role="grid"
      className="grid"
      aria-label={t("grid.label")}
      aria-describedby={describedBy}
      aria-rowcount={allRowIds.length + 1}
      data-testid="threat-grid"
      onKeyDown={gridProps.onKeyDown}
      onFocus={onFocus}
      onBlur={onBlur}
    >
      <div role="rowgroup" className="grid-head">
        <div role="row" className="grid-row grid-header-row" aria-rowindex={1}>
          {HEADERS.map((key) => (
            <div role="columnheader" key={key} className="grid-header-cell">
              {t(key)}
            </div>
          ))}
        </div>
      </div>
      <div role="rowgroup" className="grid-body">
        {rows.map((row) => (
          <ThreatRowView
            key={row.id}
            row={row}
            index={indexById.get(row.id) ?? 0}
            total={allRowIds.length}
            activeCol={row.id === activeRowId ? activeCol : null}
            editors={editorsByRow.get(row.id) ?? NOBODY}
            onDelete={onDeleteRow}
          />
        ))}
      </div>
    </div>
  );
}
