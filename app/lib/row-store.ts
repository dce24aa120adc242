/**
 * The board's rows for React, one subscription per row: a keystroke in a row
 * re-reads and re-renders that row only. The order of rows is recomputed only
 * when rows are added, removed or moved; the list of all rows (for summaries
 * and the filter) is rebuilt lazily from the per-row cache.
 */
import * as Y from "yjs";
import { getRowsType, getRowText, listRowIds, readRow, type TextField, type ThreatRow } from "../../core/board-doc";

type Listener = () => void;

export class RowStore {
  private ids: readonly string[];
  private readonly cache = new Map<string, ThreatRow | null>();
  private all: readonly ThreatRow[] | null = null;
  private readonly idListeners = new Set<Listener>();
  private readonly allListeners = new Set<Listener>();
  private readonly rowListeners = new Map<string, Set<Listener>>();
  private readonly rows: Y.Map<Y.Map<unknown>>;

  constructor(readonly doc: Y.Doc) {
    this.rows = getRowsType(doc);
    this.ids = listRowIds(doc);
    this.rows.observeDeep(this.onChange);
  }

  destroy(): void {
    this.rows.unobserveDeep(this.onChange);
  }

  private readonly onChange = (events: Y.YEvent<Y.AbstractType<unknown>>[]) => {
    const changed = new Set<string>();
    let order = false;
    for (const event of events) {
      if (event.target === this.rows) {
        for (const key of (event as Y.YMapEvent<unknown>).keysChanged) changed.add(key);
        order = true;
        continue;
      }
      const rowId = event.path[0];
      if (typeof rowId === "string") changed.add(rowId);
      if (event.path.length === 1 && event instanceof Y.YMapEvent && event.keysChanged.has("position")) order = true;
    }
    for (const id of changed) this.cache.delete(id);
    this.all = null;
    if (order) {
      const next = listRowIds(this.doc);
      if (next.length !== this.ids.length || next.some((id, index) => id !== this.ids[index])) {
        this.ids = next;
        for (const listener of [...this.idListeners]) listener();
      }
    }
    for (const id of changed) for (const listener of [...(this.rowListeners.get(id) ?? [])]) listener();
    for (const listener of [...this.allListeners]) listener();
  };

  getIds = (): readonly string[] => this.ids;

  getRow = (rowId: string): ThreatRow | null => {
    let row = this.cache.get(rowId);
    if (row === undefined) {
      row = readRow(this.doc, rowId);
      this.cache.set(rowId, row);
    }
    return row;
  };

  /** Every row in order; unchanged rows keep their objects. */
  getAll = (): readonly ThreatRow[] => {
    this.all ??= this.ids.flatMap((id) => this.getRow(id) ?? []);
    return this.all;
  };

  /**
   * A reader of something derived from all rows: `derive` runs once per change of the rows (keep it cheap: it
   * reads the cached rows), and the previous result is returned again while `same` finds nothing changed.
   */
  digest<T>(derive: (rows: readonly ThreatRow[]) => T, same: (a: T, b: T) => boolean): () => T {
    let last: { rows: readonly ThreatRow[]; value: T } | null = null;
    return () => {
      const rows = this.getAll();
      if (last?.rows === rows) return last.value;
      const next = derive(rows);
      const value = last && same(last.value, next) ? last.value : next;
      last = { rows, value };
      return value;
    };
  }

  getText(rowId: string, field: TextField): Y.Text | null {
    return getRowText(this.doc, rowId, field);
  }

  subscribeIds = (listener: Listener): (() => void) => {
    this.idListeners.add(listener);
    return () => void this.idListeners.delete(listener);
  };

  subscribeAll = (listener: Listener): (() => void) => {
    this.allListeners.add(listener);
    return () => void this.allListeners.delete(listener);
  };

  subscribeRow(rowId: string, listener: Listener): () => void {
    let listeners = this.rowListeners.get(rowId);
    if (!listeners) this.rowListeners.set(rowId, (listeners = new Set()));
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
      if (listeners.size === 0) this.rowListeners.delete(rowId);
    };
  }
}
