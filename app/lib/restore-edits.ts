/**
 * Applying the edits kept in IndexedDB to a page's document after a reload or a crash, and deciding which of them
 * still need saving. Pure (no IndexedDB, no React), so it is unit tested.
 */
import * as Y from "yjs";
import type { StoredEdit } from "./unsaved-edits-store";

interface RestoreOutcome {
  /** Changed the document, or waits in it for changes it depends on: still to be saved. */
  keep: string[];
  /** Already in the document (the server had it) or unreadable: nothing left to save. */
  drop: string[];
}

export function restoreEdits(doc: Y.Doc, edits: readonly StoredEdit[], origin: unknown): RestoreOutcome {
  const outcome: RestoreOutcome = { keep: [], drop: [] };
  for (const { key, update } of edits) {
    let changed = false;
    const onChange = () => void (changed = true);
    doc.on("update", onChange);
    try {
      Y.applyUpdate(doc, update, origin);
    } catch {
      // A damaged entry is dropped rather than blocking the board.
      outcome.drop.push(key);
      continue;
    } finally {
      doc.off("update", onChange);
    }
    // An edit that depends on changes the page's starting state lacks (a cached snapshot older than the edit)
    // changes nothing yet: Yjs holds it as pending until the sync brings what it needs. It is not "already in
    // the document", and dropping it would lose it. Keeping one too many only costs a resend Yjs ignores.
    const waiting = doc.store.pendingStructs !== null || doc.store.pendingDs !== null;
    (changed || waiting ? outcome.keep : outcome.drop).push(key);
  }
  return outcome;
}
