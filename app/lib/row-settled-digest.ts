/**
 * Something derived from all rows that may lag behind typing: a change it calls urgent (rows added, removed or
 * moved) is passed on at once, any other (a title's text) only once the rows have been quiet for `quietMs`. The
 * chair's agenda form lists every threat by title in a select (1,000 options at 1,000 rows): rebuilt on every
 * keystroke it cost a render, a layout of the select and a repaint per keystroke (GRID-14).
 */
import type { ThreatRow } from "../../core/board-doc";
import type { RowStore } from "./row-store";

interface SettledDigest<T> {
  subscribe(listener: () => void): () => void;
  read(): T;
}

export function settledDigest<T>(
  store: RowStore,
  derive: (rows: readonly ThreatRow[]) => T,
  same: (a: T, b: T) => boolean,
  urgent: (shown: T, next: T) => boolean,
  quietMs: number,
): SettledDigest<T> {
  let shown = derive(store.getAll());
  let timer: ReturnType<typeof setTimeout> | null = null;
  const listeners = new Set<() => void>();
  const show = (next: T) => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    if (same(shown, next)) return;
    shown = next;
    for (const listener of [...listeners]) listener();
  };
  const onRows = () => {
    const next = derive(store.getAll());
    if (urgent(shown, next)) return show(next);
    if (timer !== null) clearTimeout(timer);
    // Read again when it fires: the rows as they are then.
    timer = setTimeout(() => show(derive(store.getAll())), quietMs);
  };
  let unsubscribe: (() => void) | null = null;
  return {
    subscribe(listener) {
      listeners.add(listener);
      unsubscribe ??= store.subscribeAll(onRows);
      show(derive(store.getAll())); // changes while nobody listened
      return () => {
        listeners.delete(listener);
        if (listeners.size > 0) return;
        unsubscribe?.();
        unsubscribe = null;
        if (timer !== null) clearTimeout(timer);
        timer = null;
      };
    },
    read: () => shown,
  };
}
