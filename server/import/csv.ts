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
import { checkSize, decodeUtf8 } from "./decode";
import {
  createInstrumentResolver,
  newCustomInstruments,
  parseInstrumentCell,
  readCustomInstrument,
} from "./instruments";
import { validateRow, type ColumnLabels } from "./row-fields";
import { mapHeader, MATRIX_LABELS } from "./sheet-columns";
import {
  MAX_IMPORT_ROWS,
  fileError,
  finishImport,
  type ImportContext,
  type ImportedInstrument,
  type ImportError,
  type ImportResult,
} from "./types";

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

function readRecords(text: string): { lines: Line[] } | { error: ImportError } {
  try {
    // With `info: true` csv-parse returns { record, info } objects; its typings only know string[][].
    const records = parse(text, {
      bom: true,
      info: true,
      relax_column_count: true,
      delimiter: detectDelimiter(text),
    }) as unknown as { record: string[]; info: Info }[];
    // info.lines counts a CRLF inside a quoted cell as two lines; take those back out so
    // error messages name the line a text editor shows.
    let extra = 0;
    let previousEnd = 0;
    const lines: Line[] = [];
    for (const { record, info } of records) {
      if (record.some((cell) => cell !== "")) lines.push({ line: previousEnd + 1, cells: record });
      extra += crlfCount(record);
      previousEnd = info.lines - extra;
    }
    return { lines };
  } catch (error) {
    return { error: fileError(`The file is not valid CSV: ${(error as Error).message}`) };
  }
}

export function importCsv(data: Buffer | string, context: ImportContext): ImportResult {
  const tooBig = checkSize(typeof data === "string" ? Buffer.byteLength(data) : data.byteLength);
  if (tooBig) return finishImport("csv", { errors: [tooBig] });
  const decoded = decodeUtf8(data);
  if ("error" in decoded) return finishImport("csv", { errors: [decoded.error] });
  const read = readRecords(decoded.text);
  if ("error" in read) return finishImport("csv", { errors: [read.error] });
  const [header, ...body] = read.lines;
  if (!header) return finishImport("csv", {});
  const columns = mapHeader(
    header.cells.map((cell) => restoreCell(cell)),
    header.line,
  );
  if ("error" in columns) return finishImport("csv", { errors: [columns.error] });

  const isMeta = (l: Line) => l.cells[0]?.startsWith(METADATA_PREFIX);
  const dataLines = body.filter((l) => !isMeta(l));
  if (dataLines.length > MAX_IMPORT_ROWS) {
    return finishImport("csv", {
      errors: [fileError(`The file has ${dataLines.length} threats; the limit is ${MAX_IMPORT_ROWS}.`)],
    });
  }
  const { custom, errors } = readMetadata(body.filter(isMeta));
  const resolve = createInstrumentResolver(context, custom);
  const cell = (l: Line, name: keyof ColumnLabels) => {
    const index = columns.index[name];
    return index === undefined ? "" : restoreCell(l.cells[index] ?? "");
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
    ),
  );
  return finishImport("csv", {
    rows,
    instruments: newCustomInstruments(context, custom),
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
    const [id = "", name = "", owner = "", kind = "", year = "", reference = ""] = l.cells.slice(1).map(restoreCell);
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
