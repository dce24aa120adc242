/**
 * Remit JSON import (the JSON export, or any MatrixSnapshot). The envelope is
 * checked first; then each row on its own, so one bad row is reported with
 * its index and field instead of rejecting the whole file. A fingerprint
 * that does not match the content is a warning: editing an export before
 * importing it into a new board is legitimate, but worth saying.
 */
import * as z from "zod";
import { MATRIX_FORMAT, MATRIX_FORMAT_VERSION, MatrixSnapshotSchema } from "../../core/matrix-snapshot";
import { fingerprintOf } from "../export/fingerprint";
import { checkSize, decodeUtf8 } from "./decode";
import { createInstrumentResolver, newCustomInstruments, readCustomInstrument } from "./instruments";
import { createCategoryMatcher, validateRow, type ColumnLabels } from "./row-fields";
import { checkJsonShape } from "./json-shape";
import { MAX_FIELD_CHARS, MAX_JSON_DEPTH } from "./limits";
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
import { messageRef, type MessageRef } from "../../core/message-ref";

const EnvelopeSchema = z.object({
  format: z.literal(MATRIX_FORMAT),
  formatVersion: z.literal(MATRIX_FORMAT_VERSION),
  instruments: z.array(z.unknown()).default([]),
  rows: z.array(z.unknown()),
  fingerprint: z.string().optional(),
});

// Types only; enum values, lengths and instruments are checked by validateRow like every other format.
const JsonRowSchema = z.object({
  title: z.string(),
  description: z.string().default(""),
  notes: z.string().default(""),
  category: z.string().default(""),
  responsibility: z.string().default("Unassigned"),
  lead: z.string().nullable().default(null),
  instrumentIds: z.array(z.string()).default([]),
});

const JsonInstrumentSchema = z.object({
  id: z.string(),
  name: z.string(),
  owner: z.string(),
  kind: z.string().default(""),
  year: z.number().nullable().default(null),
  reference: z.string().default(""),
  custom: z.boolean().default(false),
});

const LABELS: ColumnLabels = {
  title: "title",
  category: "category",
  responsibility: "responsibility",
  lead: "lead",
  instruments: "instrumentIds",
  notes: "notes",
  description: "description",
};

/** Issues carry the value they are about, so a missing member can be told from one of the wrong type. */
const REPORT_INPUT = { reportInput: true } as const;

const TYPE_NAMES: Partial<Record<string, string>> = {
  string: "importErrors.typeString",
  number: "importErrors.typeNumber",
  boolean: "importErrors.typeBoolean",
  array: "importErrors.typeArray",
  object: "importErrors.typeObject",
};

/** zod's own messages are English: each issue becomes a ref naming what was expected. */
function issueRef(issue: z.core.$ZodIssue): MessageRef {
  if (issue.code !== "invalid_type") return messageRef("importErrors.invalidValue");
  if (issue.input === undefined) return messageRef("importErrors.required");
  const type = TYPE_NAMES[issue.expected];
  return messageRef("importErrors.wrongType", { expected: type ? messageRef(type) : issue.expected });
}

const issuesToErrors = (issues: z.core.$ZodIssue[], row: number, prefix = ""): ImportError[] =>
  issues.map((issue) => ({ row, column: prefix + (issue.path.join(".") || "(value)"), message: issueRef(issue) }));

function readInstruments(items: unknown[]): { custom: ImportedInstrument[]; errors: ImportError[] } {
  const custom: ImportedInstrument[] = [];
  const errors: ImportError[] = [];
  items.forEach((item, i) => {
    const parsed = JsonInstrumentSchema.safeParse(item, REPORT_INPUT);
    if (!parsed.success) {
      errors.push(...issuesToErrors(parsed.error.issues, i + 1, `instruments[${i}].`));
      return;
    }
    if (!parsed.data.custom) return;
    const { year, ...rest } = parsed.data;
    const read = readCustomInstrument(
      { ...rest, year: year === null ? "" : String(year) },
      i + 1,
      (f) => `instruments[${i}].${f}`,
    );
    errors.push(...read.errors);
    if (read.value) custom.push(read.value);
  });
  return { custom, errors };
}

function fingerprintWarning(document: unknown, declared: string | undefined): MessageRef[] {
  if (!declared) return [];
  const full = MatrixSnapshotSchema.safeParse(document);
  if (!full.success || fingerprintOf(full.data) === declared) return [];
  return [messageRef("importErrors.fingerprintMismatch")];
}

export function importJson(data: Buffer | string, context: ImportContext): ImportResult {
  const tooBig = checkSize("json", typeof data === "string" ? Buffer.byteLength(data) : data.byteLength);
  if (tooBig) return tooBig;
  const decoded = decodeUtf8(data);
  if ("error" in decoded) return finishImport("json", { errors: [decoded.error] });
  // Before JSON.parse: a 2.6 M-deep array would otherwise be parsed (seconds) and then walked by zod.
  const shape = checkJsonShape(decoded.text, MAX_JSON_DEPTH, MAX_FIELD_CHARS);
  if (shape) return refuseImport("json", shape, shape === "depth" ? MAX_JSON_DEPTH : MAX_FIELD_CHARS);
  let document: unknown;
  try {
    document = JSON.parse(decoded.text);
  } catch (error) {
    // JSON.parse's message is English; the position it names is what helps the reader.
    const position = /position (\d+)/.exec((error as Error).message)?.[1];
    const message = position ? messageRef("importErrors.notJsonAt", { position }) : messageRef("importErrors.notJson");
    return finishImport("json", { errors: [fileError(message)] });
  }
  const envelope = EnvelopeSchema.safeParse(document, REPORT_INPUT);
  if (!envelope.success) return finishImport("json", { errors: issuesToErrors(envelope.error.issues, 0) });
  if (envelope.data.rows.length > MAX_IMPORT_ROWS)
    return refuseImport("json", "rows", MAX_IMPORT_ROWS, envelope.data.rows.length);
  const { custom, errors } = readInstruments(envelope.data.instruments);
  const resolve = createInstrumentResolver(context, custom);
  const matchCategory = createCategoryMatcher(context);
  const rows = envelope.data.rows.map((item, i) => {
    const parsed = JsonRowSchema.safeParse(item, REPORT_INPUT);
    if (!parsed.success) return { line: i + 1, errors: issuesToErrors(parsed.error.issues, i + 1) };
    const row = parsed.data;
    const raw = { ...row, lead: row.lead ?? "", instruments: row.instrumentIds.map((id) => ({ label: id })) };
    return validateRow(raw, i + 1, LABELS, resolve, matchCategory);
  });
  return finishImport("json", {
    rows,
    instruments: newCustomInstruments(context, custom),
    errors,
    warnings: fingerprintWarning(document, envelope.data.fingerprint),
  });
}
