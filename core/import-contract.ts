/**
 * What POST /boards/:id/import.json answers (JSON), shared by the route and
 * the import panel, and what the server's importers return.
 */
import type { Category, NewRowInput } from "./board-doc";
import type { NewInstrumentInput } from "./domain";
import type { MessageRef } from "./message-ref";

/** 5 MiB: far above a real board's file, far below what could hurt the server. */
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;

export interface ImportProblem {
  /** Line (CSV), sheet row (XLSX) or 1-based rows[] index (JSON); 0 for the whole file. */
  row: number;
  column: string;
  /** What is wrong, as a message ref: the preview shows it in the reader's language. */
  message: MessageRef;
}

export interface PreviewRow {
  line: number;
  /** The row's title as read, also when the row has errors (so the preview can name it). */
  title?: string;
  /** Present only when the row has no errors. */
  value?: NewRowInput;
  errors: ImportProblem[];
}

/**
 * A custom instrument defined in the file; rows refer to it by this (file) id.
 * `fromName`: not defined anywhere, only named in an Instruments cell — the
 * import offers to create it (owner National, no details) instead of refusing the row.
 */
export type PreviewInstrument = NewInstrumentInput & { id: string; fromName?: boolean };

/** What the board already has and what its users call things, for reading a file. */
export interface ImportContext {
  /** The shared library plus the board's custom instruments. */
  instruments: ReadonlyArray<{ id: string; name: string }>;
  /** Category labels of every UI language (the app's catalogues), accepted besides ids, case-insensitively. */
  categoryLabels?: Partial<Record<Category, readonly string[]>>;
}

/** The limits an import is held to (server/import/limits.ts); a refusal names one. */
export type ImportLimitName =
  "bytes" | "inflated-bytes" | "rows" | "cells" | "depth" | "field-length" | "time" | "memory";

export interface ImportLimit {
  name: ImportLimitName;
  /** The limit's value (bytes, rows, cells, levels, characters, milliseconds). */
  max: number;
  /** 413 for size-like limits, 422 for the file's shape or a budget it exhausted. */
  status: 413 | 422;
}

/** What an importer makes of a file (before the route adds the file name). */
export interface ImportResult {
  format: "csv" | "xlsx" | "json";
  rows: PreviewRow[];
  /** Custom instruments defined in the file and not yet known to the board. */
  instruments: PreviewInstrument[];
  /** True only when the file and every row are free of errors and there is at least one row. */
  valid: boolean;
  /** Errors about the file as a whole (size, encoding, missing column, bad custom instrument). */
  errors: ImportProblem[];
  /** Things worth telling the user that do not block the import (message refs). */
  warnings: MessageRef[];
  /** Set when the file was refused whole for going over a limit (errors[0] says which, in words). */
  limit?: ImportLimit;
}

export interface ImportPreview {
  fileName: string;
  format: "csv" | "xlsx" | "json";
  /** Every row and the file itself are free of errors. */
  valid: boolean;
  errors: ImportProblem[];
  warnings: MessageRef[];
  rows: PreviewRow[];
  newInstruments: PreviewInstrument[];
}

export type ImportApiResponse =
  | { intent: "preview"; ok: true; preview: ImportPreview }
  | {
      intent: "create-instruments";
      ok: true;
      /** file id → id of the instrument created on the board */ idMap: Record<string, string>;
    }
  | { ok: false; message: string; fieldErrors?: Record<string, string>; limit?: string };

/** The valid rows, with instrument ids of the file's custom instruments replaced by the board's new ones. */
export function rowsToApply(preview: ImportPreview, idMap: Record<string, string> = {}): NewRowInput[] {
  return preview.rows.flatMap((row) =>
    row.value && row.errors.length === 0
      ? [{ ...row.value, instrumentIds: (row.value.instrumentIds ?? []).map((id) => idMap[id] ?? id) }]
      : [],
  );
}

/** Custom instruments the given rows link to (create only those). */
export function instrumentsNeeded(preview: ImportPreview, rows: readonly NewRowInput[]): PreviewInstrument[] {
  const linked = new Set(rows.flatMap((row) => row.instrumentIds ?? []));
  return preview.newInstruments.filter((instrument) => linked.has(instrument.id));
}
