/**
 * CSV export: UTF-8 with BOM (so Excel detects UTF-8 and shows "Łódź"),
 * RFC 4180, CRLF. Layout (see docs/export-formats.md):
 *   #remit:marking record (the board's marking, first line)
 *   header (the matrix columns in the chosen language, labels.ts)
 *   #remit:draft record — only for the live board, right under the header so it is seen
 *   one record per threat, in display order
 *   #remit:instrument records for the custom instruments (so a re-import can recreate them)
 *   #remit:forum and one #remit:member record per member delegation (code, name, standing) — decision 018
 *   #remit:board, #remit:version, #remit:language (en, fr: the language of the header and labels),
 *   #remit:fingerprint records
 */
import { CSV_BOM, CSV_EOL, METADATA_PREFIX, csvRecord, escapeMarker, padTo } from "./csv-format";
import { prepareExport, type ExportFile, type PreparedExport } from "./prepare";
import type { Locale } from "../../core/locale";
import { MATRIX_COLUMNS, bidiNotice, matrixCells } from "./present";
import type { MatrixSnapshot } from "../../core/matrix-snapshot";
import { forumLines } from "./forum-lines";

const WIDTH = MATRIX_COLUMNS.length;
const meta = (key: string, ...values: string[]) => padTo([METADATA_PREFIX + key, ...values], WIDTH);

function rowRecords(prepared: PreparedExport): string[][] {
  return prepared.snapshot.rows.map((row) => {
    const [title, ...rest] = matrixCells(row, prepared.instrumentsById, prepared.labels);
    // A title starting with the metadata prefix must not read back as a metadata line.
    return [escapeMarker(title), ...rest];
  });
}

function trailingRecords(prepared: PreparedExport): string[][] {
  const { snapshot, fingerprint, labels } = prepared;
  const bidi = bidiNotice(prepared);
  const { version } = snapshot;
  const instruments = snapshot.instruments
    .filter((instrument) => instrument.custom)
    .map((i) => meta("instrument", i.id, i.name, i.owner, i.kind, i.year === null ? "" : String(i.year), i.reference));
  const versionRecord = version
    ? meta(
        "version",
        String(version.number),
        version.title,
        version.publishedAt,
        version.publishedBy.name,
        version.publishedBy.delegation,
        version.procedure,
      )
    : meta("version", "DRAFT");
  const forum = forumLines(snapshot, labels.locale);
  const membership = forum
    ? [
        meta("forum", snapshot.forum ?? "", forum.forum),
        ...(snapshot.membership ?? []).map((m) => meta("member", m.code, m.name, forum.standingOf(m.standing))),
      ]
    : [];
  return [
    ...instruments,
    ...(bidi ? [meta("warning", bidi)] : []),
    ...membership,
    meta("board", snapshot.board.id, snapshot.board.title),
    versionRecord,
    meta("language", labels.locale),
    meta("fingerprint", "sha256", fingerprint),
  ];
}

export function renderCsv(snapshot: MatrixSnapshot, locale: Locale = "en"): { text: string; fingerprint: string } {
  const prepared = prepareExport(snapshot, { locale });
  const records = [
    // The marking is the file's first line, before anything else is read (MARK-5).
    meta("marking", prepared.marking),
    [...prepared.labels.columns],
    ...(prepared.isDraft ? [meta("draft", prepared.labels.draftNotice)] : []),
    ...rowRecords(prepared),
    ...trailingRecords(prepared),
  ];
  return { text: CSV_BOM + records.map(csvRecord).join(CSV_EOL) + CSV_EOL, fingerprint: prepared.fingerprint };
}

export function exportCsv(snapshot: MatrixSnapshot, locale: Locale = "en"): ExportFile {
  const { text, fingerprint } = renderCsv(snapshot, locale);
  return { body: Buffer.from(text, "utf8"), contentType: "text/csv; charset=utf-8", extension: "csv", fingerprint };
}
