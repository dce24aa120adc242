/**
 * One imported threat, whatever the file format: text fields in, a
 * NewRowInput (for appendRows) or a list of row/column/reason errors out.
 */
import {
  CATEGORIES,
  LEADS,
  type Category,
  MAX_TEXT_LENGTH,
  MAX_TITLE_LENGTH,
  RESPONSIBILITIES,
  type NewRowInput,
} from "../../core/board-doc";
import { EXPORT_LABELS } from "../export/labels";
import { CATEGORY_LABELS } from "../export/present";
import type { InstrumentRef, InstrumentResolver } from "./instruments";
import type { ImportContext, ImportError, ImportedRow } from "./types";
import { messageRef, type MessageRef } from "../../core/message-ref";

interface RawRow {
  title: string;
  category: string;
  responsibility: string;
  lead: string;
  instruments: InstrumentRef[];
  notes: string;
  description: string;
}

export type RawField = keyof RawRow;
/** Column names used in error messages (CSV header names, or JSON member names). */
export type ColumnLabels = Record<RawField, string>;

/** Case-insensitive match against an enum, so hand-made sheets saying "nato" or "Supply-Chain" pass. */
function matchEnum<T extends string>(allowed: readonly T[], value: string): T | undefined {
  const wanted = value.trim().toLowerCase();
  return allowed.find((item) => item.toLowerCase() === wanted);
}

const expected = (allowed: readonly string[]) => allowed.join(", ");

type CategoryMatcher = (value: string) => Category | undefined;

/**
 * Categories by id, by the exports' label ("Critical infrastructure") or by the
 * label of any UI language the app passes in, case-insensitively: delegates'
 * own spreadsheets use the words they see on screen.
 */
export function createCategoryMatcher(context: Pick<ImportContext, "categoryLabels">): CategoryMatcher {
  const byName = new Map<string, Category>();
  for (const category of CATEGORIES) {
    for (const name of [
      category,
      ...Object.values(EXPORT_LABELS).map((labels) => labels.categories[category]),
      ...(context.categoryLabels?.[category] ?? []),
    ])
      byName.set(name.trim().toLowerCase(), category);
  }
  return (value) => byName.get(value.trim().toLowerCase());
}

const categoryHint = CATEGORIES.map((c) => `${CATEGORY_LABELS[c]} (${c})`).join(", ");

export function validateRow(
  raw: RawRow,
  line: number,
  labels: ColumnLabels,
  resolve: InstrumentResolver,
  matchCategory: CategoryMatcher = createCategoryMatcher({}),
): ImportedRow {
  const errors: ImportError[] = [];
  const fail = (field: RawField, message: MessageRef) => errors.push({ row: line, column: labels[field], message });

  // Not trimmed: an export must read back exactly as it was written.
  const title = raw.title;
  if (!title.trim()) fail("title", messageRef("importErrors.titleRequired"));
  else if (title.length > MAX_TITLE_LENGTH)
    fail("title", messageRef("importErrors.titleTooLong", { length: title.length, max: MAX_TITLE_LENGTH }));

  // Optional: an empty category leaves the board's default.
  const category = raw.category.trim() ? matchCategory(raw.category) : undefined;
  if (raw.category.trim() && !category)
    fail("category", messageRef("importErrors.unknownCategory", { value: raw.category, expected: categoryHint }));

  // An empty responsibility is a real state of a threat: Unassigned. A bracketed cell from an export
  // ("[NATO] [Shared, EU lead]") reads back as its first side, the row's value (brackets are not imported, decision 020).
  const written = /^\s*\[([^\],]*)[\],]/.exec(raw.responsibility)?.[1] ?? raw.responsibility;
  const responsibility = written.trim() ? matchEnum(RESPONSIBILITIES, written) : "Unassigned";
  if (!responsibility)
    fail(
      "responsibility",
      messageRef("importErrors.unknownResponsibility", {
        value: raw.responsibility,
        expected: expected(RESPONSIBILITIES),
      }),
    );

  const lead = raw.lead.trim() ? matchEnum(LEADS, raw.lead) : undefined;
  if (raw.lead.trim() && !lead)
    fail("lead", messageRef("importErrors.unknownLead", { value: raw.lead, expected: expected(LEADS) }));
  else if (lead && responsibility && responsibility !== "Shared") {
    fail("lead", messageRef("importErrors.leadNeedsShared", { responsibility }));
  }

  for (const field of ["notes", "description"] as const) {
    if (raw[field].length > MAX_TEXT_LENGTH)
      fail(field, messageRef("importErrors.textTooLong", { length: raw[field].length, max: MAX_TEXT_LENGTH }));
  }

  const instrumentIds: string[] = [];
  for (const resolved of raw.instruments.flatMap(resolve)) {
    if ("error" in resolved) fail("instruments", resolved.error);
    else if (!instrumentIds.includes(resolved.id)) instrumentIds.push(resolved.id);
  }

  // The title goes with the errors too, so the preview can say which threat a line is.
  if (errors.length > 0 || !responsibility) return { line, title: title.slice(0, MAX_TITLE_LENGTH), errors };
  const value: NewRowInput = {
    title,
    description: raw.description,
    notes: raw.notes,
    category,
    responsibility,
    // Shared without a lead: left out, and the board's default (Joint) applies.
    lead: responsibility === "Shared" ? lead : null,
    instrumentIds: instrumentIds.sort(),
  };
  if (value.lead === undefined) delete value.lead;
  if (value.category === undefined) delete value.category;
  return { line, value, errors };
}
