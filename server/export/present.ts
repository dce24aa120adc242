/**
 * Wording and colours shared by the CSV, XLSX, Markdown and PDF exports, so
 * the four formats say the same thing in the same words.
 */
import type { Category, Responsibility } from "../../core/board-doc";
import type { MatrixSnapshot, PositionKind, SnapshotInstrument, SnapshotRow } from "../../core/matrix-snapshot";
import { EXPORT_LABELS, type ExportLabels } from "./labels";
import { responsibilityText, titleText } from "../../core/bracket-text";
import type { PreparedExport } from "./prepare";

/** CSV header and XLSX Matrix columns in English (labels.ts has every language); the importers accept all of them. */
export const MATRIX_COLUMNS = EXPORT_LABELS.en.columns;

/** English category labels (labels.ts has every language; the importers accept all of them, and the ids). */
export const CATEGORY_LABELS: Record<Category, string> = EXPORT_LABELS.en.categories;

/** "Rows 3, 7 contain bidirectional control characters, shown as ⟨U+…⟩." in the file's language — null when none do. */
export function bidiNotice(
  prepared: Pick<PreparedExport, "bidiRows" | "bidiInHeader"> & { labels?: ExportLabels },
): string | null {
  if (prepared.bidiRows.length === 0 && !prepared.bidiInHeader) return null;
  return (prepared.labels ?? EXPORT_LABELS.en).bidiWarning(prepared.bidiRows, prepared.bidiInHeader);
}

/** Strong colours for swatches and charts; tints for filled spreadsheet cells (text stays readable). */
export const RESPONSIBILITY_COLOURS: Record<Responsibility, { strong: string; tint: string }> = {
  NATO: { strong: "#1F4E9A", tint: "#C9DAF8" },
  EU: { strong: "#C9A000", tint: "#FCE8A6" },
  Shared: { strong: "#6B3FA0", tint: "#DCC9F0" },
  Unassigned: { strong: "#8C8C8C", tint: "#E3E3E3" },
};

export const OWNER_COLOURS: Record<SnapshotInstrument["owner"], string> = {
  NATO: "#1F4E9A",
  EU: "#C9A000",
  Joint: "#6B3FA0",
  National: "#3D8B62",
};

/** "2025-03-05 16:30 UTC": UTC so every delegation reads the same time. */
export function formatUtc(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return date.toISOString().slice(0, 16).replace("T", " ") + " UTC";
}

/** "Name [id]"; an id the snapshot does not describe shows as "[id]". */
function instrumentLabel(id: string, instruments: ReadonlyMap<string, SnapshotInstrument>): string {
  const instrument = instruments.get(id);
  return instrument ? `${instrument.name} [${id}]` : `[${id}]`;
}

export function instrumentsCell(row: SnapshotRow, instruments: ReadonlyMap<string, SnapshotInstrument>): string {
  return row.instrumentIds.map((id) => instrumentLabel(id, instruments)).join("; ");
}

/** "Support: DK, PL; Reserve: TR" — kinds in a fixed order, delegations as recorded. */
export function positionsSummary(row: SnapshotRow, labels: ExportLabels = EXPORT_LABELS.en): string {
  const groups = new Map<PositionKind, string[]>();
  for (const p of row.positions) groups.set(p.position, [...(groups.get(p.position) ?? []), p.delegation]);
  return (Object.keys(labels.positions) as PositionKind[])
    .filter((kind) => groups.has(kind))
    .map((kind) => `${labels.positions[kind]}: ${groups.get(kind)!.join(", ")}`)
    .join("; ");
}

/** One line per position that carries text: "PL (Reserve): text". */
export function reservationsCell(row: SnapshotRow, labels: ExportLabels = EXPORT_LABELS.en): string {
  return row.positions
    .filter((p) => p.text !== null && p.text !== "")
    .map((p) => `${p.delegation} (${labels.positions[p.position]}): ${p.text}`)
    .join("\n");
}

/** One matrix row as cells, in MATRIX_COLUMNS order (CSV and XLSX write the same columns). */
export function matrixCells(
  row: SnapshotRow,
  instruments: ReadonlyMap<string, SnapshotInstrument>,
  labels: ExportLabels = EXPORT_LABELS.en,
): string[] {
  return [
    // Bracketed cells read "[NATO] [Shared, EU lead]" (decision 020).
    titleText(row),
    labels.categories[row.category],
    responsibilityText(row),
    row.lead ?? "",
    instrumentsCell(row, instruments),
    row.notes,
    row.description,
    row.workflowState,
    positionsSummary(row, labels),
    reservationsCell(row, labels),
  ];
}

export function versionLine(snapshot: MatrixSnapshot, labels: ExportLabels = EXPORT_LABELS.en): string {
  const version = snapshot.version;
  if (!version) return labels.draftNotice;
  return labels.version(version.number, version.title);
}

export function publishedLine(snapshot: MatrixSnapshot, labels: ExportLabels = EXPORT_LABELS.en): string {
  const version = snapshot.version;
  if (!version) return labels.notPublished;
  const { name, delegation } = version.publishedBy;
  return labels.published(formatUtc(version.publishedAt), `${name}${delegation ? ` (${delegation})` : ""}`);
}

export function procedureLine(snapshot: MatrixSnapshot, labels: ExportLabels = EXPORT_LABELS.en): string {
  return labels.procedureLine(snapshot.version ? labels.procedures[snapshot.version.procedure] : "—");
}
