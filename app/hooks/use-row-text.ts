/**
 * Subscriptions to one row's text field. The Y.Text is looked up again on every
 * rows change because undoing a row deletion restores the row with new Y.Text instances.
 */
import { useMemo, useSyncExternalStore } from "react";
import type * as Y from "yjs";
import { getRowsType, getRowText, type TextField } from "../../core/board-doc";

function subscribeRows(doc: Y.Doc | null) {
  return (onChange: () => void) => {
    if (!doc) return () => {};
    const rows = getRowsType(doc);
    rows.observeDeep(onChange);
    return () => rows.unobserveDeep(onChange);
  };
}

/** The shared Y.Text of a row's field (for binding an editor), or null while the row does not exist. */
export function useRowText(doc: Y.Doc | null, rowId: string, field: TextField): Y.Text | null {
  const subscribe = useMemo(() => subscribeRows(doc), [doc]);
  const read = () => (doc ? getRowText(doc, rowId, field) : null);
  return useSyncExternalStore(subscribe, read, () => null);
}
