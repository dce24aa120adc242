/** A Yjs board of `count` rows ("Threat 0", "Threat 1"…) with the grid's RowStore over it, for unit tests of the store. */
import * as Y from "yjs";
import { appendRows } from "../../core/board-doc";
import { RowStore } from "../../app/lib/row-store";

export function givenRowStore(count: number) {
  const doc = new Y.Doc();
  const ids = appendRows(
    doc,
    Array.from({ length: count }, (_, i) => ({ title: `Threat ${i}` })),
  );
  return { doc, ids, store: new RowStore(doc) };
}
