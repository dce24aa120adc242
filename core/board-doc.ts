/**
 * The board document: the one definition of a board's Yjs structure, shared by
 * browser and server. Imports only yjs and zod.
 *
 * Layout (schema version 1):
 *   meta: Y.Map  { schemaVersion: number }
 *   rows: Y.Map<rowId, Y.Map>  each row:
 *     id, category, responsibility, lead: string (lead "" unless Shared)
 *     position: number            order of the row (fractional, ties by id)
 *     title, description, notes: Y.Text   merged character by character
 *     instruments: Y.Map<id, true> a set, so two people linking the same chip don't duplicate it
 *
 * Rows are kept in a map with a position, not in a Y.Array, because moving an
 * item of a Y.Array means deleting and re-inserting it, which would drop
 * whatever someone else was typing into that row at the same moment.
 */
import * as Y from "yjs";
import * as z from "./zod";

export const SCHEMA_VERSION = 1;
/** Root types a client may write; the server refuses updates touching others. */
export const ROOT_TYPE_NAMES = ["meta", "rows"] as const;

export const RESPONSIBILITIES = ["NATO", "EU", "Shared", "Unassigned"] as const;
export const LEADS = ["NATO", "EU", "Joint"] as const;
export const CATEGORIES = ["cyber", "hybrid", "infrastructure", "supply-chain", "information", "data"] as const;
export const TEXT_FIELDS = ["title", "description", "notes"] as const;

export type Responsibility = (typeof RESPONSIBILITIES)[number];
export type Lead = (typeof LEADS)[number];
export type Category = (typeof CATEGORIES)[number];
export type TextField = (typeof TEXT_FIELDS)[number];

export const MAX_TEXT_LENGTH = 10_000;
export const MAX_TITLE_LENGTH = 300;

/** Row keys in `rows` (newRowId makes "r" + 18 hex digits; imports and older boards stay inside this). */
export const ROW_ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;
/** Keys of a row's `instruments` set: catalogue ids ("nato-article-5") and custom ones ("custom-…"). */
export const INSTRUMENT_KEY_PATTERN = /^[A-Za-z0-9._:-]{1,100}$/;

/** Longest each text field may be in the editor; one update may add at most this many characters to it. */
export const TEXT_FIELD_MAX: Readonly<Record<TextField, number>> = {
  title: MAX_TITLE_LENGTH,
  description: MAX_TEXT_LENGTH,
  notes: MAX_TEXT_LENGTH,
};

/**
 * Structural limits the server enforces on every update before it touches the
 * document (server/collab/update-validation.ts). Per-update limits only: honest
 * people typing at the same time can together pass a field's editor maximum
 * (two people adding to one title), so that is shown as a warning
 * (boardWarnings), not refused. The hard caps are far above anything honest
 * concurrent typing reaches and stop a client that adds a little, many times.
 */
export const BOARD_LIMITS = {
  /** New rows in one update; an import adds up to 5,000 rows in one transaction. */
  maxRowsPerUpdate: 5_000,
  /** Characters one update may add to one text field: TEXT_FIELD_MAX of that field. */
  textGrowthPerUpdate: TEXT_FIELD_MAX,
  /** A text field is never grown past this many times its editor maximum. */
  hardTextLengthFactor: 4,
  /** rows → row → text or instruments: nothing deeper exists; any other nested type is refused. */
  maxNestingDepth: 3,
  /** Above these the board is shown a warning (large boards get slow to load and export). */
  warnRows: 2_000,
  warnDocumentBytes: 8 * 1024 * 1024,
} as const;

/**
 * What a row map may hold, key by key. `kind` says what the value must be; a
 * key not listed here is refused. Written by addRow/setResponsibility/... and
 * checked by the server on every update.
 */
export const ROW_FIELD_SCHEMA = {
  id: { kind: "row-id" },
  position: { kind: "number" },
  category: { kind: "enum", values: CATEGORIES },
  responsibility: { kind: "enum", values: RESPONSIBILITIES },
  /** "" unless responsibility is Shared; written together with responsibility (the Shared⇔lead rule). */
  lead: { kind: "enum", values: ["", ...LEADS] },
  title: { kind: "text" },
  description: { kind: "text" },
  notes: { kind: "text" },
  instruments: { kind: "instrument-set" },
} as const satisfies Record<string, { kind: string; values?: readonly string[] }>;

/** What `meta` may hold. */
export const META_FIELD_SCHEMA = {
  schemaVersion: { kind: "literal", value: SCHEMA_VERSION },
} as const;

export interface BoardWarning {
  kind: "field-too-long" | "many-rows" | "large-document";
  rowId?: string;
  field?: TextField;
  /** Current size (characters, rows or bytes) and the limit it passed. */
  size: number;
  limit: number;
}

/**
 * Limits honest people passed together (concurrent typing, many rows), for
 * the UI to show; never a reason to refuse an edit.
 */
export function boardWarnings(doc: Y.Doc, documentBytes?: number): BoardWarning[] {
  const warnings: BoardWarning[] = [];
  let rowCount = 0;
  rowsOf(doc).forEach((row, rowId) => {
    if (!(row instanceof Y.Map)) return;
    rowCount += 1;
    for (const field of TEXT_FIELDS) {
      const text = row.get(field);
      const limit = TEXT_FIELD_MAX[field];
      if (text instanceof Y.Text && text.length > limit)
        warnings.push({ kind: "field-too-long", rowId, field, size: text.length, limit });
    }
  });
  if (rowCount > BOARD_LIMITS.warnRows)
    warnings.push({ kind: "many-rows", size: rowCount, limit: BOARD_LIMITS.warnRows });
  if (documentBytes !== undefined && documentBytes > BOARD_LIMITS.warnDocumentBytes)
    warnings.push({ kind: "large-document", size: documentBytes, limit: BOARD_LIMITS.warnDocumentBytes });
  return warnings;
}

export const ThreatRowSchema = z
  .object({
    id: z.string().regex(ROW_ID_PATTERN),
    title: z.string().max(MAX_TITLE_LENGTH),
    description: z.string().max(MAX_TEXT_LENGTH),
    notes: z.string().max(MAX_TEXT_LENGTH),
    category: z.enum(CATEGORIES),
    responsibility: z.enum(RESPONSIBILITIES),
    lead: z.enum(LEADS).nullable(),
    instrumentIds: z.array(z.string().regex(INSTRUMENT_KEY_PATTERN)),
  })
  .refine((row) => (row.responsibility === "Shared") === (row.lead !== null), {
    message: "lead is set exactly when responsibility is Shared",
    path: ["lead"],
  });
export type ThreatRow = z.infer<typeof ThreatRowSchema>;

export const BoardJsonSchema = z.object({
  schemaVersion: z.literal(SCHEMA_VERSION),
  rows: z.array(ThreatRowSchema),
});
export type BoardJson = z.infer<typeof BoardJsonSchema>;

export type NewRowInput = Partial<Omit<ThreatRow, "id">>;

const rowsOf = (doc: Y.Doc) => doc.getMap<Y.Map<unknown>>("rows");
const metaOf = (doc: Y.Doc) => doc.getMap<unknown>("meta");

/** Marks a fresh document with the schema version (idempotent). */
export function initBoardDoc(doc: Y.Doc): void {
  if (metaOf(doc).get("schemaVersion") === undefined) metaOf(doc).set("schemaVersion", SCHEMA_VERSION);
}

export function getSchemaVersion(doc: Y.Doc): number | undefined {
  const version = metaOf(doc).get("schemaVersion");
  return typeof version === "number" ? version : undefined;
}

/** Short random id; crypto.getRandomValues works in browsers (even outside secure contexts) and Node. */
function newRowId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(9));
  return "r" + Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

function rowMap(doc: Y.Doc, rowId: string): Y.Map<unknown> | undefined {
  const row = rowsOf(doc).get(rowId);
  return row instanceof Y.Map ? row : undefined;
}

function positionOf(row: Y.Map<unknown>): number {
  const position = row.get("position");
  return typeof position === "number" && Number.isFinite(position) ? position : 0;
}

/** Row ids in display order. */
export function listRowIds(doc: Y.Doc): string[] {
  const entries: { id: string; position: number }[] = [];
  rowsOf(doc).forEach((row, id) => {
    if (row instanceof Y.Map) entries.push({ id, position: positionOf(row) });
  });
  entries.sort((a, b) => a.position - b.position || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return entries.map((entry) => entry.id);
}

function textOf(row: Y.Map<unknown>, field: TextField): string {
  const text = row.get(field);
  return text instanceof Y.Text ? text.toString() : "";
}

function pick<T extends string>(allowed: readonly T[], value: unknown, fallback: T): T {
  return allowed.includes(value as T) ? (value as T) : fallback;
}

/**
 * Reads one row as plain data. Tolerant: a field holding something unexpected
 * reads as its default, so one odd value never hides a whole board.
 */
export function readRow(doc: Y.Doc, rowId: string): ThreatRow | null {
  const row = rowMap(doc, rowId);
  if (!row) return null;
  const responsibility = pick(RESPONSIBILITIES, row.get("responsibility"), "Unassigned");
  const instruments = row.get("instruments");
  return {
    id: rowId,
    title: textOf(row, "title"),
    description: textOf(row, "description"),
    notes: textOf(row, "notes"),
    category: pick(CATEGORIES, row.get("category"), "cyber"),
    responsibility,
    lead: responsibility === "Shared" ? pick(LEADS, row.get("lead"), "Joint") : null,
    instrumentIds: instruments instanceof Y.Map ? [...instruments.keys()].sort() : [],
  };
}

export function readRows(doc: Y.Doc): ThreatRow[] {
  return listRowIds(doc).flatMap((id) => readRow(doc, id) ?? []);
}

export function boardToJson(doc: Y.Doc): BoardJson {
  return { schemaVersion: SCHEMA_VERSION, rows: readRows(doc) };
}

/** Shared Y.Text of a row's text field, for binding an editor. */
export function getRowText(doc: Y.Doc, rowId: string, field: TextField): Y.Text | null {
  const text = rowMap(doc, rowId)?.get(field);
  return text instanceof Y.Text ? text : null;
}

function positionBetween(before: number | undefined, after: number | undefined): number {
  if (before === undefined && after === undefined) return 1;
  if (before === undefined) return (after as number) - 1;
  if (after === undefined) return before + 1;
  return (before + after) / 2;
}

/** Position for a row placed at `index` among the other rows (excluding `movingId`). */
function positionAt(doc: Y.Doc, index: number, movingId?: string): number {
  const ids = listRowIds(doc).filter((id) => id !== movingId);
  const clamped = Math.max(0, Math.min(index, ids.length));
  const before = clamped > 0 ? positionOf(rowMap(doc, ids[clamped - 1])!) : undefined;
  const after = clamped < ids.length ? positionOf(rowMap(doc, ids[clamped])!) : undefined;
  const position = positionBetween(before, after);
  // Floats run out of room after ~50 halvings in one gap: renumber then.
  if ((before !== undefined && position <= before) || (after !== undefined && position >= after)) {
    ids.forEach((id, i) => rowMap(doc, id)!.set("position", (i < clamped ? i : i + 1) + 1));
    return clamped + 1;
  }
  return position;
}

function newText(value: string, max: number): Y.Text {
  return new Y.Text(value.slice(0, max));
}

/** Adds a row at `index` (default: end). Returns its id. */
export function addRow(doc: Y.Doc, input: NewRowInput = {}, index?: number): string {
  const id = newRowId();
  doc.transact(() => {
    const row = new Y.Map<unknown>();
    const responsibility = input.responsibility ?? "Unassigned";
    row.set("id", id);
    row.set("position", positionAt(doc, index ?? Number.MAX_SAFE_INTEGER));
    row.set("title", newText(input.title ?? "", MAX_TITLE_LENGTH));
    row.set("description", newText(input.description ?? "", MAX_TEXT_LENGTH));
    row.set("notes", newText(input.notes ?? "", MAX_TEXT_LENGTH));
    row.set("category", input.category ?? "cyber");
    row.set("responsibility", responsibility);
    row.set("lead", responsibility === "Shared" ? (input.lead ?? "Joint") : "");
    const instruments = new Y.Map<boolean>();
    for (const instrumentId of input.instrumentIds ?? []) instruments.set(instrumentId, true);
    row.set("instruments", instruments);
    rowsOf(doc).set(id, row);
  });
  return id;
}

export function deleteRow(doc: Y.Doc, rowId: string): void {
  rowsOf(doc).delete(rowId);
}

/** Moves a row to `index` in display order. */
export function moveRow(doc: Y.Doc, rowId: string, index: number): void {
  const row = rowMap(doc, rowId);
  if (!row) return;
  doc.transact(() => row.set("position", positionAt(doc, index, rowId)));
}

/** Sets responsibility; a lead is kept only for Shared (default Joint). */
export function setResponsibility(doc: Y.Doc, rowId: string, responsibility: Responsibility, lead?: Lead): void {
  const row = rowMap(doc, rowId);
  if (!row) return;
  doc.transact(() => {
    row.set("responsibility", responsibility);
    row.set("lead", responsibility === "Shared" ? (lead ?? pick(LEADS, row.get("lead"), "Joint")) : "");
  });
}

export function setCategory(doc: Y.Doc, rowId: string, category: Category): void {
  rowMap(doc, rowId)?.set("category", category);
}

function instrumentsOf(doc: Y.Doc, rowId: string): Y.Map<boolean> | undefined {
  const instruments = rowMap(doc, rowId)?.get("instruments");
  return instruments instanceof Y.Map ? (instruments as Y.Map<boolean>) : undefined;
}

export function linkInstrument(doc: Y.Doc, rowId: string, instrumentId: string): void {
  instrumentsOf(doc, rowId)?.set(instrumentId, true);
}

export function unlinkInstrument(doc: Y.Doc, rowId: string, instrumentId: string): void {
  instrumentsOf(doc, rowId)?.delete(instrumentId);
}

/** Replaces the whole content of a text field as one change (used by simple inputs and imports). */
export function replaceText(doc: Y.Doc, rowId: string, field: TextField, value: string): void {
  const text = getRowText(doc, rowId, field);
  if (!text) return;
  const max = field === "title" ? MAX_TITLE_LENGTH : MAX_TEXT_LENGTH;
  doc.transact(() => {
    text.delete(0, text.length);
    text.insert(0, value.slice(0, max));
  });
}

/**
 * Undo/redo for one person: tracks only transactions made on this Y.Doc
 * instance (remote updates arrive with the provider as origin and are not
 * tracked), so undo never reverts someone else's edit.
 */
export function createUndoManager(doc: Y.Doc): Y.UndoManager {
  return new Y.UndoManager([rowsOf(doc)], { captureTimeout: 500 });
}

type ResponsibilityCounts = Record<Responsibility, number>;

export function countResponsibilities(rows: readonly Pick<ThreatRow, "responsibility">[]): ResponsibilityCounts {
  const counts: ResponsibilityCounts = { NATO: 0, EU: 0, Shared: 0, Unassigned: 0 };
  for (const row of rows) counts[row.responsibility] += 1;
  return counts;
}

/** Fills an empty document from JSON (template, import). One transaction, so it is one undo step. */
export function appendRows(doc: Y.Doc, rows: NewRowInput[]): string[] {
  const ids: string[] = [];
  doc.transact(() => {
    for (const row of rows) ids.push(addRow(doc, row));
  });
  return ids;
}

/** The Y.Map holding all rows, for observers (observeDeep) in hooks. */
export function getRowsType(doc: Y.Doc): Y.Map<Y.Map<unknown>> {
  return rowsOf(doc);
}
