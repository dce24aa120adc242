/** Header handling shared by the CSV and XLSX importers: the export's column names, found case-insensitively. */
import { MATRIX_COLUMNS } from "../export/present";
import type { ColumnLabels, RawField } from "./row-fields";
import { fileError, type ImportError } from "./types";

export const MATRIX_LABELS: ColumnLabels = {
  title: "Title",
  category: "Category",
  responsibility: "Responsibility",
  lead: "Lead",
  instruments: "Instruments",
  notes: "Notes",
  description: "Description",
};

// Written by the export, deliberately not imported (workflow and positions belong to Remit's own procedure).
const EXPORT_ONLY = new Set(["workflow state", "positions summary", "reservations"]);
const normalise = (name: string) => name.trim().toLowerCase();

export function mapHeader(
  header: string[],
  headerLine: number,
): { index: Partial<Record<RawField, number>>; warnings: string[] } | { error: ImportError } {
  const index: Partial<Record<RawField, number>> = {};
  const unknown: string[] = [];
  header.forEach((name, i) => {
    const field = (Object.keys(MATRIX_LABELS) as RawField[]).find(
      (f) => normalise(MATRIX_LABELS[f]) === normalise(name),
    );
    if (field && index[field] === undefined) index[field] = i;
    else if (name.trim() && !EXPORT_ONLY.has(normalise(name))) unknown.push(name.trim());
  });
  if (index.title === undefined) {
    return {
      error: fileError(
        `No "Title" column found. Expected the header: ${MATRIX_COLUMNS.join(", ")}.`,
        headerLine,
        "(header)",
      ),
    };
  }
  const warnings = unknown.length ? [`Ignored unknown column(s): ${unknown.join(", ")}`] : [];
  return { index, warnings };
}
