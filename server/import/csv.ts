/**
 * CSV import: the CSV export's own layout (header, #remit: metadata records,
 * apostrophe-neutralised cells) and hand-made sheets with the same headers.
 * Columns are found by header name (case-insensitive); unknown ones are
 * ignored with a warning; export-only columns (workflow state, positions,
 * reservations) are read by nobody: positions are recorded in Remit, not imported.
 */
import { parse, type Info } from "csv-parse/sync";
import { METADATA_PREFIX, unescapeMarker } from "../export/csv-format";
import { restoreCell } from "../export/neutralise";
import { restoreBidiControls } from "../export/bidi";
import { checkSize, decodeUtf8 } from "./decode";
import {
  createInstrumentResolver,
  newCustomInstruments,
  parseInstrumentCell,
  readCustomInstrument,
} from "./instruments";
import { createCategoryMatcher, validateRow, type ColumnLabels } from "./row-fields";
import { mapHeader, MATRIX_LABELS } from "./sheet-columns";
import { MAX_EXTRA_RECORDS, MAX_FIELD_CHARS, MAX_IMPORT_CELLS } from "./limits";
import {
  MAX_IMPORT_ROWS,
  fileError,
  finishImport,
  refuseImport,
  type ImportContext,
  type ImportedInstrument,
  type ImportError,
  type ImportResult,
} from "./types";
import { messageRef } from "../../core/message-ref";

interface Line {
  line: number;
  cells: string[];
}

/** Excel in many European locales writes ";"-separated files: pick what the header line uses most. */
function detectDelimiter(text: string): string {
  const firstLine = text.slice(0, text.search(/\r|\n|$/));
  const counts = [",", ";", "\t"].map((d) => ({ d, n: firstLine.split(d).length }));
  return counts.sort((a, b) => b.n - a.n)[0].d;
}

const crlfCount = (cells: string[]) => cells.reduce((n, cell) => n + (cell.match(/\r\n/g)?.length ?? 0), 0);

/** Thrown from csv-parse's on_record to stop reading at a limit (csv-parse wraps what callbacks throw). */
class OverLimit extends Error {
  constructor(readonly limit: "rows" | "cells" | "field-length") {
    super(limit);
  }
}

const MAX_RECORDS = MAX_IMPORT_ROWS + MAX_EXTRA_RECORDS;

type Read = { lines: Line[] } | { error: ImportError } | { refused: ImportResult };

/**
 * Limits are checked record by record while csv-parse reads: at most
 * MAX_RECORDS records (parsing stops at the first one over), MAX_IMPORT_CELLS
 * cells, MAX_FIELD_CHARS characters in a field (csv-parse's max_record_size
 * bounds an unquoted run as well). A 1.7 M-row file is refused
 * after ~6,000 records instead of being parsed whole.
 */
function readRecords(text: string): Read {
  let cells = 0;
  let records = 0;
  let parsed: { record: string[]; info: Info }[];
  try {
    // With `info: true` csv-parse returns { record, info } objects; its typings only know string[][].
    parsed = parse(text, {
      bom: true,
      info: true,
      relax_column_count: true,
      delimiter: detectDelimiter(text),
      // A record may hold several long fields (the export's reservations); each field is checked below.
      max_record_size: MAX_FIELD_CHARS * 4,
      // With `info: true` on_record receives { record, info } too (the typings say string[]).
      on_record: ((entry: { record: string[] }) => {
        records += 1;
        cells += entry.record.length;
        if (records > MAX_RECORDS) throw new OverLimit("rows");
        if (cells > MAX_IMPORT_CELLS) throw new OverLimit("cells");
        if (entry.record.some((cell) => cell.length > MAX_FIELD_CHARS)) throw new OverLimit("field-length");
        return entry;
      }) as unknown as (record: string[]) => string[],
    }) as unknown as { record: string[]; info: Info }[];
  } catch (error) {
    const cause = error instanceof OverLimit ? error : (error as { cause?: unknown }).cause;
    if (cause instanceof OverLimit) {
      const max = { rows: MAX_RECORDS, cells: MAX_IMPORT_CELLS, "field-length": MAX_FIELD_CHARS }[cause.limit];
      return { refused: refuseImport("csv", cause.limit, max) };
    }
    if ((error as { code?: string }).code === "CSV_MAX_RECORD_SIZE")
      return { refused: refuseImport("csv", "field-length", MAX_FIELD_CHARS) };
    // csv-parse's own message is English; the line it stopped at is what helps the reader.
    const line = (error as { lines?: unknown }).lines;
    return { error: fileError(messageRef("importErrors.notCsv", { line: typeof line === "number" ? line : 1 })) };
  }
  // info.lines counts a CRLF inside a quoted cell as two lines; take those back out so
  // error messages name the line a text editor shows.
  let extra = 0;
  let previousEnd = 0;
  const lines: Line[] = [];
  for (const { record, info } of parsed) {
    if (record.some((cell) => cell !== "")) lines.push({ line: previousEnd + 1, cells: record });
    extra += crlfCount(record);
    previousEnd = info.lines - extra;
  }
  return { lines };
}

/** A cell as the export had it before writing: the formula apostrophe off, then ⟨U+…⟩ back to the bidi control. */
const readBack = (cell: string) => restoreBidiControls(restoreCell(cell));

export function importCsv(data: Buffer | string, context: ImportContext): ImportResult {
  const tooBig = checkSize("csv", typeof data === "string" ? Buffer.byteLength(data) : data.byteLength);
  if (tooBig) return tooBig;
  const decoded = decodeUtf8(data);
  if ("error" in decoded) return finishImport("csv", { errors: [decoded.error] });
  const read = readRecords(decoded.text);
  if ("refused" in read) return read.refused;
  if ("error" in read) return finishImport("csv", { errors: [read.error] });
  // Metadata before the header (the #remit:marking line of our own exports) is informative only.
  const firstNonMeta = read.lines.findIndex((l) => !l.cells[0]?.startsWith(METADATA_PREFIX));
  const [header, ...body] = firstNonMeta < 0 ? [] : read.lines.slice(firstNonMeta);
  if (!header) return finishImport("csv", {});
  const columns = mapHeader(
    header.cells.map((cell) => restoreCell(cell)),
    header.line,
  );
  if ("error" in columns) return finishImport("csv", { errors: [columns.error] });

  const isMeta = (l: Line) => l.cells[0]?.startsWith(METADATA_PREFIX);
  const dataLines = body.filter((l) => !isMeta(l));
  if (dataLines.length > MAX_IMPORT_ROWS) return refuseImport("csv", "rows", MAX_IMPORT_ROWS, dataLines.length);
  const { custom, errors } = readMetadata(body.filter(isMeta));
  const resolve = createInstrumentResolver(context, custom, { proposeUnknownNames: true });
  const matchCategory = createCategoryMatcher(context);
  const cell = (l: Line, name: keyof ColumnLabels) => {
    const index = columns.index[name];
    return index === undefined ? "" : readBack(l.cells[index] ?? "");
  };
  const rows = dataLines.map((l) =>
    validateRow(
      {
        title: unescapeMarker(cell(l, "title")),
        category: cell(l, "category"),
        responsibility: cell(l, "responsibility"),
        lead: cell(l, "lead"),
        instruments: parseInstrumentCell(cell(l, "instruments")),
        notes: cell(l, "notes"),
        description: cell(l, "description"),
      },
      l.line,
      MATRIX_LABELS,
      resolve,
      matchCategory,
    ),
  );
  return finishImport("csv", {
    rows,
    instruments: [...newCustomInstruments(context, custom), ...resolve.proposals()],
    errors,
    warnings: columns.warnings,
  });
}

/** #remit:instrument records define custom instruments; the other metadata records are informative. */
function readMetadata(lines: Line[]): { custom: ImportedInstrument[]; errors: ImportError[] } {
  const custom: ImportedInstrument[] = [];
  const errors: ImportError[] = [];
  for (const l of lines) {
    if (l.cells[0] !== `${METADATA_PREFIX}instrument`) continue;
    const [id = "", name = "", owner = "", kind = "", year = "", reference = ""] = l.cells.slice(1).map(readBack);
    const fields = ["id", "name", "owner", "kind", "year", "reference"];
    const read = readCustomInstrument(
      { id, name, owner, kind, year, reference },
      l.line,
      (f) => `#remit:instrument ${f} (column ${fields.indexOf(f) + 2})`,
    );
    errors.push(...read.errors);
    if (read.value) custom.push(read.value);
  }
  return { custom, errors };
}
