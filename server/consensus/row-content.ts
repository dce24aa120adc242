import { createHash } from "node:crypto";
import type { ThreatRow } from "../../core/board-doc";
import { canonicalJson } from "../../core/matrix-snapshot";

/** Reads one row of the board's current state (live room or storage): RoomRegistry.readRow. */
export type ReadLiveRow = (boardId: string, rowId: string) => Promise<ThreatRow | null>;
/** Reads every row of the board's current state (live room or storage): RoomRegistry.readRows. */
export type ReadLiveRows = (boardId: string) => Promise<ThreatRow[]>;

/** Each row's text fingerprint, by row id. */
export function rowFingerprints(rows: readonly ThreatRow[]): Map<string, string> {
  return new Map(rows.map((row) => [row.id, rowContentHash(row)]));
}

/**
 * Fingerprint of the text a proposal or a position is given on (decision 015): title, description,
 * responsibility, lead and the set of instruments. Notes are working notes, not the agreed text, and the
 * category and the row's place in the list do not change what is agreed: none of them count.
 */
export function rowContentHash(row: ThreatRow): string {
  const text = {
    title: row.title,
    description: row.description,
    responsibility: row.responsibility,
    lead: row.lead,
    instruments: [...new Set(row.instrumentIds)].sort(),
  };
  return createHash("sha256").update(canonicalJson(text)).digest("hex");
}
