/** The Field/Value pairs of the XLSX Metadata sheet (also read back by tests and the importer). */
import { bidiNotice, formatUtc, PROCEDURE_LABELS } from "./present";
import type { PreparedExport } from "./prepare";
import { MATRIX_FORMAT, MATRIX_FORMAT_VERSION } from "../../core/matrix-snapshot";

export const FINGERPRINT_FIELD = "Fingerprint (SHA-256)";
export const DRAFT_FIELD = "Draft";

export function metadataEntries(prepared: PreparedExport): string[][] {
  const { snapshot, fingerprint, isDraft } = prepared;
  const version = snapshot.version;
  const bidi = bidiNotice(prepared);
  return [
    ["Format", `${MATRIX_FORMAT} ${MATRIX_FORMAT_VERSION}`],
    ["Board", snapshot.board.title],
    ["Board ID", snapshot.board.id],
    [DRAFT_FIELD, isDraft ? "DRAFT — live board, not an agreed version" : "no"],
    ["Version", version ? String(version.number) : ""],
    ["Version title", version?.title ?? ""],
    ["Published by", version ? version.publishedBy.name : ""],
    ["Publisher delegation", version ? version.publishedBy.delegation : ""],
    ["Published at (UTC)", version ? formatUtc(version.publishedAt) : ""],
    ["Procedure", version ? PROCEDURE_LABELS[version.procedure] : ""],
    ["Delegations present", snapshot.delegationsPresent.join(", ")],
    ["Threats", String(snapshot.rows.length)],
    [FINGERPRINT_FIELD, fingerprint],
    ...(bidi ? [["Warning", bidi]] : []),
  ];
}
