/**
 * Wording and colours shared by the CSV, XLSX, Markdown and PDF exports, so
 * the four formats say the same thing in the same words.
 */
import type { Category, Responsibility } from "../../core/board-doc";
import type { PreparedExport } from "./prepare";
import type {
  MatrixSnapshot,
  PositionKind,
  Procedure,
  SnapshotInstrument,
  SnapshotRow,
} from "../../core/matrix-snapshot";

/** CSV header and XLSX Matrix columns; the importers accept the same names. */
export const MATRIX_COLUMNS = [
  "Title",
  "Category",
  "Responsibility",
  "Lead",
  "Instruments",
  "Notes",
  "Description",
  "Workflow state",
  "Positions summary",
  "Reservations",
] as const;
export type MatrixColumn = (typeof MATRIX_COLUMNS)[number];

export const DRAFT_NOTICE = "DRAFT — live board, not an agreed version";

/** Categories as people read them (the importers accept these, the ids and the UI's labels). */
export const CATEGORY_LABELS: Record<Category, string> = {
  cyber: "Cyber",
  hybrid: "Hybrid",
  infrastructure: "Critical infrastructure",
  "supply-chain": "Supply chain",
  information: "Information manipulation",
  data: "Data protection",
};

/** "Rows 3, 7 contain bidirectional control characters, shown as ⟨U+…⟩." — null when none do. */
export function bidiNotice(prepared: Pick<PreparedExport, "bidiRows" | "bidiInHeader">): string | null {
  const where = [
    prepared.bidiRows.length > 0 && `row${prepared.bidiRows.length > 1 ? "s" : ""} ${prepared.bidiRows.join(", ")}`,
    prepared.bidiInHeader && "the board or version details",
  ].filter(Boolean);
  if (where.length === 0) return null;
  const plural = where.length > 1 || prepared.bidiRows.length > 1;
  return `Warning: ${where.join(" and ")} ${plural ? "contain" : "contains"} bidirectional control characters (text that can display reversed), shown as ⟨U+…⟩.`;
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

export const POSITION_LABELS: Record<PositionKind, string> = {
  support: "Support",
  "support-ad-referendum": "Support ad referendum",
  abstain: "Abstain",
  reserve: "Reserve",
  object: "Object",
};

export const PROCEDURE_LABELS: Record<Procedure, string> = {
  consensus: "Consensus",
  silence: "Silence procedure",
  "chair-declared": "Declared by the Chair",
  none: "None",
};

/** "2025-03-05 16:30 UTC": UTC so every delegation reads the same time. */
export function formatUtc(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return date.toISOString().slice(0, 16).replace("T", " ") + " UTC";
}

/** "Name [id]"; an id the snapshot does not describe shows as "[id]". */
export function instrumentLabel(id: string, instruments: ReadonlyMap<string, SnapshotInstrument>): string {
  const instrument = instruments.get(id);
  return instrument ? `${instrument.name} [${id}]` : `[${id}]`;
}

export function instrumentsCell(row: SnapshotRow, instruments: ReadonlyMap<string, SnapshotInstrument>): string {
  return row.instrumentIds.map((id) => instrumentLabel(id, instruments)).join("; ");
}

/** "Support: DK, PL; Reserve: TR" — kinds in a fixed order, delegations as recorded. */
export function positionsSummary(row: SnapshotRow): string {
  const groups = new Map<PositionKind, string[]>();
  for (const p of row.positions) groups.set(p.position, [...(groups.get(p.position) ?? []), p.delegation]);
  return (Object.keys(POSITION_LABELS) as PositionKind[])
    .filter((kind) => groups.has(kind))
    .map((kind) => `${POSITION_LABELS[kind]}: ${groups.get(kind)!.join(", ")}`)
    .join("; ");
}

/** One line per position that carries text: "PL (Reserve): text". */
export function reservationsCell(row: SnapshotRow): string {
  return row.positions
    .filter((p) => p.text !== null && p.text !== "")
    .map((p) => `${p.delegation} (${POSITION_LABELS[p.position]}): ${p.text}`)
    .join("\n");
}

/** One matrix row as cells, in MATRIX_COLUMNS order (CSV and XLSX write the same columns). */
export function matrixCells(row: SnapshotRow, instruments: ReadonlyMap<string, SnapshotInstrument>): string[] {
  return [
    row.title,
    CATEGORY_LABELS[row.category],
    row.responsibility,
    row.lead ?? "",
    instrumentsCell(row, instruments),
    row.notes,
    row.description,
    row.workflowState,
    positionsSummary(row),
    reservationsCell(row),
  ];
}

export function versionLine(snapshot: MatrixSnapshot): string {
  const version = snapshot.version;
  if (!version) return DRAFT_NOTICE;
  return `Version ${version.number}${version.title ? ` — ${version.title}` : ""}`;
}

export function publishedLine(snapshot: MatrixSnapshot): string {
  const version = snapshot.version;
  if (!version) return "Not published";
  const { name, delegation } = version.publishedBy;
  return `Published ${formatUtc(version.publishedAt)} by ${name}${delegation ? ` (${delegation})` : ""}`;
}

export function procedureLine(snapshot: MatrixSnapshot): string {
  return `Procedure: ${snapshot.version ? PROCEDURE_LABELS[snapshot.version.procedure] : "—"}`;
}
