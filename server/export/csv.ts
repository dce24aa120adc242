/**
 * CSV export: UTF-8 with BOM (so Excel detects UTF-8 and shows "Łódź"),
 * RFC 4180, CRLF. Layout (see docs/export-formats.md):
 *   header (MATRIX_COLUMNS)
 *   #remit:draft record — only for the live board, right under the header so it is seen
 *   one record per threat, in display order
 *   #remit:instrument records for the custom instruments (so a re-import can recreate them)
 *   #remit:board, #remit:version, #remit:fingerprint records
 */
import { CSV_BOM, CSV_EOL, METADATA_PREFIX, csvRecord, escapeMarker, padTo } from "./csv-format";
import { prepareExport, type ExportFile, type PreparedExport } from "./prepare";
import { DRAFT_NOTICE, MATRIX_COLUMNS, bidiNotice, matrixCells } from "./present";
import type { MatrixSnapshot } from "../../core/matrix-snapshot";

const WIDTH = MATRIX_COLUMNS.length;
const meta = (key: string, ...values: string[]) => padTo([METADATA_PREFIX + key, ...values], WIDTH);

function rowRecords(prepared: PreparedExport): string[][] {
  return prepared.snapshot.rows.map((row) => {
    const [title, ...rest] = matrixCells(row, prepared.instrumentsById);
    // A title starting with the metadata prefix must not read back as a metadata line.
    return [escapeMarker(title), ...rest];
  });
}

function trailingRecords(prepared: PreparedExport): string[][] {
  const { snapshot, fingerprint } = prepared;
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
  return [
    ...instruments,
    ...(bidi ? [meta("warning", bidi)] : []),
    meta("board", snapshot.board.id, snapshot.board.title),
    versionRecord,
    meta("fingerprint", "sha256", fingerprint),
  ];
}

export function renderCsv(snapshot: MatrixSnapshot): { text: string; fingerprint: string } {
  const prepared = prepareExport(snapshot);
  const records = [
    [...MATRIX_COLUMNS],
    ...(prepared.isDraft ? [meta("draft", DRAFT_NOTICE)] : []),
    ...rowRecords(prepared),
    ...trailingRecords(prepared),
  ];
  return { text: CSV_BOM + records.map(csvRecord).join(CSV_EOL) + CSV_EOL, fingerprint: prepared.fingerprint };
}

export function exportCsv(snapshot: MatrixSnapshot): ExportFile {
  const { text, fingerprint } = renderCsv(snapshot);
  return { body: Buffer.from(text, "utf8"), contentType: "text/csv; charset=utf-8", extension: "csv", fingerprint };
}
