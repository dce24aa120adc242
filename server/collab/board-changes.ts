/**
 * Turns the Yjs events of one transaction into changes a person can read
 * ("set X to Shared", "linked NIS2"), for the activity feed.
 */
import * as Y from "yjs";
import { TEXT_FIELDS } from "../../core/board-doc";

export interface BoardChange {
  kind:
    | "row-added"
    | "row-deleted"
    | "responsibility-changed"
    | "lead-changed"
    | "category-changed"
    | "row-moved"
    | "instrument-linked"
    | "instrument-unlinked"
    | "text-edited";
  rowId: string;
  rowTitle: string | null;
  detail: Record<string, string | null>;
}

const textFields: ReadonlySet<string> = new Set(TEXT_FIELDS);
const asText = (value: unknown): string | null => (typeof value === "string" ? value : null);

/** `titleOf` returns a row's title as it was before the transaction (deleted rows are gone from the doc). */
export function describeRowEvents(
  events: Y.YEvent<Y.AbstractType<unknown>>[],
  rows: Y.Map<Y.Map<unknown>>,
  titleOf: (rowId: string) => string | null,
): BoardChange[] {
  const changes: BoardChange[] = [];
  const addedRows = new Set<string>();
  const seen = new Set<string>();
  // Runs after the update is integrated, so it must not throw on any shape a row can have (COLLAB-17).
  const currentTitle = (rowId: string) => {
    const row: unknown = rows.get(rowId);
    const title = row instanceof Y.Map ? (row as Y.Map<unknown>).get("title") : undefined;
    return title instanceof Y.Text ? title.toString() : titleOf(rowId);
  };
  const push = (change: BoardChange) => {
    const key = `${change.kind}|${change.rowId}|${JSON.stringify(change.detail)}`;
    if (!seen.has(key)) changes.push(change);
    seen.add(key);
  };

  for (const event of events) {
    if (event.target === rows) {
      event.changes.keys.forEach((change, rowId) => {
        if (change.action === "delete") push({ kind: "row-deleted", rowId, rowTitle: titleOf(rowId), detail: {} });
        else {
          addedRows.add(rowId);
          push({ kind: "row-added", rowId, rowTitle: currentTitle(rowId), detail: {} });
        }
      });
    }
  }

  for (const event of events) {
    if (event.target === rows) continue;
    const [rowId, field] = event.path as [string, string | undefined];
    if (typeof rowId !== "string" || addedRows.has(rowId) || !rows.has(rowId)) continue;
    const rowTitle = currentTitle(rowId);
    if (event.target instanceof Y.Text && field && textFields.has(field)) {
      push({ kind: "text-edited", rowId, rowTitle, detail: { field } });
    } else if (field === "instruments" && event.target instanceof Y.Map) {
      event.changes.keys.forEach((change, instrument) => {
        if (change.action === "add") push({ kind: "instrument-linked", rowId, rowTitle, detail: { instrument } });
        if (change.action === "delete") push({ kind: "instrument-unlinked", rowId, rowTitle, detail: { instrument } });
      });
    } else if (field === undefined && event.target instanceof Y.Map) {
      const row = event.target;
      event.changes.keys.forEach((change, key) => {
        const from = asText(change.oldValue);
        const to = asText(row.get(key));
        if (key === "responsibility") push({ kind: "responsibility-changed", rowId, rowTitle, detail: { from, to } });
        else if (key === "lead" && to) push({ kind: "lead-changed", rowId, rowTitle, detail: { from, to } });
        else if (key === "category") push({ kind: "category-changed", rowId, rowTitle, detail: { from, to } });
        else if (key === "position") push({ kind: "row-moved", rowId, rowTitle, detail: {} });
      });
    }
  }
  return changes;
}
