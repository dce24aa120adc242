import { createHash } from "node:crypto";
import type { ThreatRow } from "../../core/board-doc";
import { canonicalJson } from "../../core/matrix-snapshot";

/** Reads one row of the board's current state (live room or storage): RoomRegistry.readRow. */
export type ReadLiveRow = (boardId: string, rowId: string) => Promise<ThreatRow | null>;

/** Fingerprint of what a row says, to tell whether it changed since it was proposed. */
export function rowContentHash(row: ThreatRow): string {
  const { id: _id, ...content } = row;
  return createHash("sha256").update(canonicalJson(content)).digest("hex");
}
