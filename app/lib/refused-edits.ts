/**
 * Edits the server refused (COLLAB-29). A refused update would be refused again on every sync, so it must not
 * stay in the resend queue; but what the person typed is theirs: the page keeps it aside and shows the text of
 * every field it touched, so it can be copied, until they discard it.
 */
import * as Y from "yjs";
import { getRowText, getRowsType, readRow, TEXT_FIELDS, type TextField } from "../../core/board-doc";
import { CloseCode } from "../../core/collab-protocol";

/** Closes that refuse what this page sent: resending the same edits would be refused again. */
export const REFUSAL_CLOSE_CODES: ReadonlySet<number> = new Set([
  CloseCode.updateRejected,
  CloseCode.tooLarge,
  CloseCode.messageTooBig,
]);

/** One text field a refused edit touched, with its text as it reads with the refused edits in. */
interface RefusedText {
  rowId: string;
  rowTitle: string;
  field: TextField;
  text: string;
}

export interface RefusedSummary {
  texts: RefusedText[];
  /** Refused edits that touched no text (a category, a responsibility, a link, a deleted row). */
  otherChanges: number;
}

function isTextField(value: unknown): value is TextField {
  return TEXT_FIELDS.includes(value as TextField);
}

/** The row and text field an integrated item lies in (the item itself, a character in it), or null. */
function textFieldOf(doc: Y.Doc, item: Y.Item): [string, TextField] | null {
  // First: a root read from an update is untyped until asked for as a map, which re-parents its children.
  const rows = getRowsType(doc);
  // Keys from the item up to the root: [field, rowId] for a text field, [rowId] for a row.
  const keys: string[] = item.parentSub === null ? [] : [item.parentSub];
  let type = item.parent as Y.AbstractType<unknown> | null;
  while (type?._item) {
    if (type._item.parentSub !== null) keys.push(type._item.parentSub);
    type = type._item.parent as Y.AbstractType<unknown> | null;
  }
  if (type !== rows || keys.length !== 2) return null;
  const [field, rowId] = keys;
  return isTextField(field) ? [rowId, field] : null;
}

/** The ids an update writes or deletes, as (client, clock) pairs: one per struct and deleted range. */
function touchedIds(update: Uint8Array): Y.ID[] {
  const { structs, ds } = Y.decodeUpdate(update);
  const ids = structs.filter((struct) => struct instanceof Y.Item).map((struct) => struct.id);
  for (const [client, deletes] of ds.clients) for (const { clock } of deletes) ids.push(Y.createID(client, clock));
  return ids;
}

/** The text fields (row, field) an update touches in `doc`, which must already hold it. */
function touchedTextFields(doc: Y.Doc, update: Uint8Array): [string, TextField][] {
  const fields: [string, TextField][] = [];
  for (const id of touchedIds(update)) {
    let item;
    try {
      item = Y.getItem(doc.store, id);
    } catch {
      continue; // not in the document (garbage-collected): nothing to show
    }
    const field = item instanceof Y.Item ? textFieldOf(doc, item) : null;
    if (field) fields.push(field);
  }
  return fields;
}

/**
 * What the refused updates wrote, read from a copy of `doc` with them applied (the server's state after a reload,
 * or this page's own document, which already holds them): each touched text field once, in the order touched.
 */
export function describeRefusedEdits(doc: Y.Doc, updates: readonly Uint8Array[]): RefusedSummary {
  const copy = new Y.Doc({ gc: false });
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  const seen = new Set<string>();
  const texts: RefusedText[] = [];
  let otherChanges = 0;
  for (const update of updates) {
    let fields: [string, TextField][];
    try {
      Y.applyUpdate(copy, update);
      fields = touchedTextFields(copy, update);
    } catch {
      continue; // a damaged entry shows nothing (it can still be discarded)
    }
    if (fields.length === 0) otherChanges += 1;
    for (const [rowId, field] of fields) {
      const key = `${rowId}\u0000${field}`;
      if (seen.has(key)) continue;
      seen.add(key);
      texts.push({ rowId, rowTitle: "", field, text: "" });
    }
  }
  // Read once everything is applied: a field typed over several updates shows its whole text.
  for (const entry of texts) {
    entry.rowTitle = readRow(copy, entry.rowId)?.title ?? "";
    entry.text = getRowText(copy, entry.rowId, entry.field)?.toString() ?? "";
  }
  copy.destroy();
  return { texts, otherChanges };
}

/**
 * True when `doc` already holds everything the update writes and deletes (the server had committed it). An update
 * that builds on changes the doc lacks changes nothing either, but stays pending: that one is not in the doc.
 */
export function isInDoc(doc: Y.Doc, update: Uint8Array): boolean {
  const copy = new Y.Doc({ gc: false });
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  let changed = false;
  copy.on("update", () => void (changed = true));
  try {
    Y.applyUpdate(copy, update);
    return !changed && copy.store.pendingStructs === null && copy.store.pendingDs === null;
  } catch {
    return false;
  } finally {
    copy.destroy();
  }
}
