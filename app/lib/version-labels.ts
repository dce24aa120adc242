/**
 * Words for snapshot values (procedure, workflow state, position) and for
 * diff changes, and the reservation footnotes of a snapshot. Browser-safe.
 * Footnotes are numbered as server/export/prepare.ts numbers them, so the
 * page and the exports of a version show the same [n].
 */
import { i18n, t } from "../i18n";
import type { MatrixChange } from "../../core/matrix-diff";
import type {
  DelegationPosition,
  MatrixSnapshot,
  PositionKind,
  Procedure,
  WorkflowState,
} from "../../core/matrix-snapshot";

const PROCEDURE_KEYS = {
  consensus: "versionTerms.consensus",
  silence: "versionTerms.silence",
  "chair-declared": "versionTerms.chairDeclared",
  none: "versionTerms.none",
} as const;

const POSITION_KEYS = {
  support: "versionTerms.support",
  "support-ad-referendum": "versionTerms.supportAdReferendum",
  abstain: "versionTerms.abstain",
  reserve: "versionTerms.reserve",
  object: "versionTerms.object",
} as const;

export const procedureLabel = (procedure: Procedure) => t(PROCEDURE_KEYS[procedure]);
export const workflowLabel = (state: WorkflowState) => t(`versionTerms.${state}`);
export const positionLabel = (position: PositionKind) => t(POSITION_KEYS[position]);

const PUBLISHED_FORMAT: Intl.DateTimeFormatOptions = {
  dateStyle: "medium",
  timeStyle: "short",
  hourCycle: "h23",
  timeZone: "UTC",
};

/** "5 Mar 2025, 16:30 UTC": UTC so the server render and the browser agree, and every delegation reads the same time. */
export function formatPublishedAt(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime())
    ? iso
    : t("versions.publishedAtUtc", { time: i18n().dateTimeFormat(PUBLISHED_FORMAT).format(date) });
}

interface SnapshotFootnote {
  number: number;
  rowId: string;
  position: DelegationPosition;
}

/** Positions with a reservation text or objection reason, numbered from 1 in row order. */
export function snapshotFootnotes(snapshot: Pick<MatrixSnapshot, "rows">): SnapshotFootnote[] {
  const notes: SnapshotFootnote[] = [];
  for (const row of snapshot.rows)
    for (const position of row.positions)
      if (position.text !== null && position.text !== "")
        notes.push({ number: notes.length + 1, rowId: row.id, position });
  return notes;
}

function valueLabel(kind: MatrixChange["kind"], value: string | null | undefined): string {
  if (value === null || value === undefined) return t("versionDiff.nothing");
  if (kind === "position-changed") return positionLabel(value as PositionKind);
  if (kind === "responsibility-changed") return t(`responsibility.${value as "NATO"}`);
  if (kind === "lead-changed") return t(`lead.${value as "NATO"}`);
  return value;
}

/** One sentence per change, e.g. “Disinformation”: responsibility EU → Shared. */
export function describeChange(change: MatrixChange, instrumentName: (id: string) => string): string {
  const row = change.rowTitle || "—";
  const from = valueLabel(change.kind, change.from);
  const to = valueLabel(change.kind, change.to);
  switch (change.kind) {
    case "row-added":
      return t("versionDiff.rowAdded", { row });
    case "row-removed":
      return t("versionDiff.rowRemoved", { row });
    case "title-changed":
      return t("versionDiff.titleChanged", { from, to });
    case "responsibility-changed":
      return t("versionDiff.responsibilityChanged", { row, from, to });
    case "lead-changed":
      return t("versionDiff.leadChanged", { row, from, to });
    case "instrument-linked":
      return t("versionDiff.instrumentLinked", { row, instrument: instrumentName(change.instrumentId ?? "") });
    case "instrument-unlinked":
      return t("versionDiff.instrumentUnlinked", { row, instrument: instrumentName(change.instrumentId ?? "") });
    case "position-changed":
      return t("versionDiff.positionChanged", { row, delegation: change.delegation ?? "", from, to });
    case "brackets-changed":
      return t("versionDiff.bracketsChanged", { row, from, to });
  }
}
