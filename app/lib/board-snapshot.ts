/**
 * The board's Yjs state as the server rendered it, carried in the page as
 * base64: the browser builds the same document from it, so the hydrated page
 * shows the same rows, and the live connection starts from it (the server's
 * sync then sends only what changed since). The server encodes it (board-snapshot.server.ts).
 */
import * as Y from "yjs";

/** Origin of applying the rendered state: not an edit of this person (their undo manager ignores it). */
export const SNAPSHOT_ORIGIN = "remit:server-snapshot";

export function decodeSnapshot(base64: string): Uint8Array {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** The board's live document, starting from the rendered state (the same on the server and in the browser). */
export function docFromSnapshot(state: Uint8Array | null): Y.Doc {
  const doc = new Y.Doc();
  if (state) Y.applyUpdate(doc, state, SNAPSHOT_ORIGIN);
  return doc;
}
