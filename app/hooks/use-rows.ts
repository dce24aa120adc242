/** The board's rows as plain data, re-rendering on any change (local or remote). */
import { useMemo, useSyncExternalStore } from "react";
import type * as Y from "yjs";
import { getRowsType, readRows, type ThreatRow } from "../../core/board-doc";
import { reuseUnchangedRows } from "~/lib/stable-rows";

const NO_ROWS: readonly ThreatRow[] = [];

function createRowsStore(doc: Y.Doc | null) {
  let snapshot: readonly ThreatRow[] = doc ? readRows(doc) : NO_ROWS;
  return {
    subscribe(onChange: () => void) {
      if (!doc) return () => {};
      const rows = getRowsType(doc);
      const observer = () => {
        snapshot = reuseUnchangedRows(snapshot, readRows(doc));
        onChange();
      };
      rows.observeDeep(observer);
      // Changes between the first read and subscribing would otherwise be missed.
      observer();
      return () => rows.unobserveDeep(observer);
    },
    getSnapshot: () => snapshot,
  };
}

export function useRows(doc: Y.Doc | null): readonly ThreatRow[] {
  const store = useMemo(() => createRowsStore(doc), [doc]);
  return useSyncExternalStore(store.subscribe, store.getSnapshot, () => NO_ROWS);
}
