/**
 * React bindings of the board's RowStore: the order of rows, one row, all rows
 * and a row's Y.Text, each re-rendering only when what it reads changes.
 */
import { useCallback, useEffect, useMemo, useSyncExternalStore } from "react";
import type * as Y from "yjs";
import type { TextField, ThreatRow } from "../../core/board-doc";
import { filteredIdsReader, isFilterActive, type RowFilter } from "~/lib/row-filter";
import { RowStore } from "~/lib/row-store";

/** One store per document, released when the document changes or the board closes. */
export function useRowStore(doc: Y.Doc): RowStore {
  const store = useMemo(() => new RowStore(doc), [doc]);
  useEffect(() => () => store.destroy(), [store]);
  return store;
}

/** Row ids in display order. */
export function useRowIds(store: RowStore): readonly string[] {
  return useSyncExternalStore(store.subscribeIds, store.getIds, store.getIds);
}

/** All rows: for summaries and exports of the page, not for the grid (it reads row by row). */
export function useAllRows(store: RowStore): readonly ThreatRow[] {
  return useSyncExternalStore(store.subscribeAll, store.getAll, store.getAll);
}

/**
 * Something derived from all rows that re-renders only when it changes (`same`): the responsibility summary
 * does not re-render while someone types a title. Pass module-level functions (they are read once per store).
 */
export function useRowsDigest<T>(
  store: RowStore,
  derive: (rows: readonly ThreatRow[]) => T,
  same: (a: T, b: T) => boolean,
): T {
  const read = useMemo(() => store.digest(derive, same), [store]); // eslint-disable-line react-hooks/exhaustive-deps
  return useSyncExternalStore(store.subscribeAll, read, read);
}

export function useRow(store: RowStore, rowId: string): ThreatRow | null {
  const subscribe = useCallback((listener: () => void) => store.subscribeRow(rowId, listener), [store, rowId]);
  const read = () => store.getRow(rowId);
  return useSyncExternalStore(subscribe, read, read);
}

/** The shared Y.Text of a row's field; a new instance only when the row itself is replaced (undo of a deletion). */
export function useRowText(store: RowStore, rowId: string, field: TextField): Y.Text | null {
  const subscribe = useCallback((listener: () => void) => store.subscribeRow(rowId, listener), [store, rowId]);
  const read = () => store.getText(rowId, field);
  return useSyncExternalStore(subscribe, read, read);
}

/**
 * Ids of the rows the filter lets through. Without a filter this is the row order itself (no text is read);
 * with one, the result is derived once per change (of the rows or the filter) from each row's cached search
 * text, and the previous array is kept while the result is the same, so typing does not re-render the grid.
 */
export function useVisibleRowIds(store: RowStore, filter: RowFilter): readonly string[] {
  const active = isFilterActive(filter);
  const filtered = useMemo(() => filteredIdsReader(), [store]); // eslint-disable-line react-hooks/exhaustive-deps
  const subscribe = active ? store.subscribeAll : store.subscribeIds;
  const read = () => (active ? filtered(store.getAll(), filter) : store.getIds());
  return useSyncExternalStore(subscribe, read, read);
}
