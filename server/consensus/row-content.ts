import { createHash } from "node:crypto";
import * as Y from "yjs";
import { readRow, type ThreatRow } from "../../core/board-doc";
import { canonicalJson } from "../../core/matrix-snapshot";

/** Reads one row of the board's current state (live room or storage). */
export async function readLiveRow(
  readState: (boardId: string) => Promise<Uint8Array>,
  boardId: string,
  rowId: string,
): Promise<ThreatRow | null> {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, await readState(boardId));
  return readRow(doc, rowId);
}

/** Fingerprint of what a row says, to tell whether it changed since it was proposed. */
export function rowContentHash(row: ThreatRow): string {
  const { id: _id, ...content } = row;
  return createHash("sha256").update(canonicalJson(content)).digest("hex");
}
