/** Header handling shared by the CSV and XLSX importers: the export's column names, found case-insensitively. */
import { EXPORT_LABELS, MATRIX_COLUMN_IDS } from "../export/labels";
import { MATRIX_COLUMNS } from "../export/present";
import type { ColumnLabels, RawField } from "./row-fields";
import { fileError, type ImportError } from "./types";
import { messageRef, type MessageRef } from "../../core/message-ref";

export const MATRIX_LABELS: ColumnLabels = {
  title: "Title",
  category: "Category",
  responsibility: "Responsibility",
  lead: "Lead",
  instruments: "Instruments",
  notes: "Notes",
  description: "Description",
};

const normalise = (name: string) => name.trim().toLowerCase();
const labelsOf = Object.values(EXPORT_LABELS);
/** A header in any export language names the same field ("Titre" = "Title"). */
const ALIASES: Partial<Record<RawField, Set<string>>> = Object.fromEntries(
  (Object.keys(MATRIX_LABELS) as RawField[]).map((field) => {
    const at = MATRIX_COLUMN_IDS.indexOf(field);
    return [field, new Set(labelsOf.map((labels) => normalise(labels.columns[at])))];
  }),
);
// Written by the export, deliberately not imported (workflow and positions belong to Remit's own procedure).
const EXPORT_ONLY = new Set(
  (["workflowState", "positionsSummary", "reservations"] as const).flatMap((id) =>
    labelsOf.map((labels) => normalise(labels.columns[MATRIX_COLUMN_IDS.indexOf(id)])),
  ),
);

/** "Title", "Titre"…: the header cell that marks the header row. */
export const isTitleHeader = (name: string) => ALIASES.title?.has(normalise(name)) ?? false;

export function mapHeader(
  header: string[],
  headerLine: number,
): { index: Partial<Record<RawField, number>>; warnings: MessageRef[] } | { error: ImportError } {
  const index: Partial<Record<RawField, number>> = {};
  const unknown: string[] = [];
  header.forEach((name, i) => {
    const field = (Object.keys(MATRIX_LABELS) as RawField[]).find((f) => ALIASES[f]?.has(normalise(name)));
    if (field && index[field] === undefined) index[field] = i;
    else if (name.trim() && !EXPORT_ONLY.has(normalise(name))) unknown.push(name.trim());
  });
  if (index.title === undefined) {
    return {
      error: fileError(
        messageRef("importErrors.noTitleColumn", { columns: MATRIX_COLUMNS.join(", ") }),
        headerLine,
        "(header)",
      ),
    };
  }
  const warnings = unknown.length ? [messageRef("importErrors.unknownColumns", { columns: unknown.join(", ") })] : [];
  return { index, warnings };
}
