/** The Field/Value pairs of the XLSX Metadata sheet (also read back by tests and the importer). */
import { bidiNotice, formatUtc } from "./present";
import type { PreparedExport } from "./prepare";
import { forumLines } from "./forum-lines";
import { MATRIX_FORMAT, MATRIX_FORMAT_VERSION } from "../../core/matrix-snapshot";

export const FINGERPRINT_FIELD = "Fingerprint (SHA-256)";
export const DRAFT_FIELD = "Draft";

/** Field names in the file's language; the fingerprint field keeps one name so any reader finds it. */
export function metadataEntries(prepared: PreparedExport): string[][] {
  const { snapshot, fingerprint, isDraft, labels } = prepared;
  const version = snapshot.version;
  const m = labels.metadata;
  const bidi = bidiNotice(prepared);
  const forum = forumLines(snapshot, labels.locale);
  return [
    [m.format, `${MATRIX_FORMAT} ${MATRIX_FORMAT_VERSION}`],
    [m.language, `${labels.locale} (${labels.language})`],
    [m.board, snapshot.board.title],
    [m.boardId, snapshot.board.id],
    [labels.locale === "en" ? DRAFT_FIELD : m.draft, isDraft ? labels.draftNotice : m.no],
    [m.version, version ? String(version.number) : ""],
    [m.versionTitle, version?.title ?? ""],
    [m.publishedBy, version ? version.publishedBy.name : ""],
    [m.publisherDelegation, version ? version.publishedBy.delegation : ""],
    [m.publishedAt, version ? formatUtc(version.publishedAt) : ""],
    [m.procedure, version ? labels.procedures[version.procedure] : ""],
    [m.delegationsPresent, snapshot.delegationsPresent.join(", ")],
    ...(forum
      ? [
          [forum.forumLabel, forum.forum],
          [forum.membershipLabel, forum.membership],
        ]
      : []),
    [m.threats, String(snapshot.rows.length)],
    [FINGERPRINT_FIELD, fingerprint],
    ...(bidi ? [["Warning", bidi]] : []),
  ];
}
