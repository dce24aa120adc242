/**
 * What changed between two snapshots of the same board (e.g. version 3 → 4,
 * or the last agreed version → the live board). Rows are matched by id, so a
 * renamed row is a title change, not a removal plus an addition.
 *
 * Order (stable, so a list can be compared in tests and shown as is):
 * rows in b's display order — for each: row-added, or title-changed,
 * responsibility-changed, lead-changed, brackets-changed (responsibility, then title), instrument-linked (by id),
 * instrument-unlinked (by id), position-changed (by delegation code) —
 * then row-removed for rows only in a, in a's order.
 * Category, description, notes and workflow-state edits are not reported.
 */
import type { MatrixSnapshot, PositionKind, SnapshotRow } from "./matrix-snapshot";
import { BRACKET_FIELDS } from "./bracket-contract";
import { rowBracketText } from "./bracket-text";

export type MatrixChangeKind =
  | "row-added"
  | "row-removed"
  | "responsibility-changed"
  | "lead-changed"
  | "instrument-linked"
  | "instrument-unlinked"
  | "position-changed"
  | "title-changed"
  | "brackets-changed";

/** Plain JSON: from/to are null when the value is absent (no lead, no position). */
export interface MatrixChange {
  kind: MatrixChangeKind;
  rowId: string;
  /** The title in b (or in a for a removed row). */
  rowTitle: string;
  from?: string | null;
  to?: string | null;
  delegation?: string;
  instrumentId?: string;
  /** position-changed only, when the reservation/objection text differs. */
  fromText?: string | null;
  toText?: string | null;
}

const byCodeUnit = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);

function instrumentChanges(a: SnapshotRow, b: SnapshotRow): MatrixChange[] {
  const before = new Set(a.instrumentIds);
  const after = new Set(b.instrumentIds);
  const base = { rowId: b.id, rowTitle: b.title };
  const linked = [...after].filter((id) => !before.has(id)).sort(byCodeUnit);
  const unlinked = [...before].filter((id) => !after.has(id)).sort(byCodeUnit);
  return [
    ...linked.map((instrumentId) => ({ kind: "instrument-linked" as const, ...base, instrumentId })),
    ...unlinked.map((instrumentId) => ({ kind: "instrument-unlinked" as const, ...base, instrumentId })),
  ];
}

function positionChanges(a: SnapshotRow, b: SnapshotRow): MatrixChange[] {
  type Entry = { position: PositionKind; text: string | null };
  const index = (row: SnapshotRow) =>
    new Map<string, Entry>(row.positions.map((p) => [p.delegation, { position: p.position, text: p.text }]));
  const before = index(a);
  const after = index(b);
  const delegations = [...new Set([...before.keys(), ...after.keys()])].sort(byCodeUnit);
  const changes: MatrixChange[] = [];
  for (const delegation of delegations) {
    const from = before.get(delegation) ?? null;
    const to = after.get(delegation) ?? null;
    const textChanged = (from?.text ?? null) !== (to?.text ?? null);
    if (from?.position === to?.position && !textChanged) continue;
    const change: MatrixChange = {
      kind: "position-changed",
      rowId: b.id,
      rowTitle: b.title,
      delegation,
      from: from?.position ?? null,
      to: to?.position ?? null,
    };
    if (textChanged) Object.assign(change, { fromText: from?.text ?? null, toText: to?.text ?? null });
    changes.push(change);
  }
  return changes;
}

function rowChanges(a: SnapshotRow, b: SnapshotRow): MatrixChange[] {
  const base = { rowId: b.id, rowTitle: b.title };
  const changes: MatrixChange[] = [];
  if (a.title !== b.title) changes.push({ kind: "title-changed", ...base, from: a.title, to: b.title });
  if (a.responsibility !== b.responsibility) {
    changes.push({ kind: "responsibility-changed", ...base, from: a.responsibility, to: b.responsibility });
  }
  if (a.lead !== b.lead) changes.push({ kind: "lead-changed", ...base, from: a.lead, to: b.lead });
  // Brackets opened, changed or resolved (decision 020): "[NATO] [Shared, EU lead]" → null once resolved.
  for (const field of BRACKET_FIELDS) {
    const from = rowBracketText(a, field);
    const to = rowBracketText(b, field);
    if (from !== to) changes.push({ kind: "brackets-changed", ...base, from, to });
  }
  return [...changes, ...instrumentChanges(a, b), ...positionChanges(a, b)];
}

export function diffSnapshots(a: MatrixSnapshot, b: MatrixSnapshot): MatrixChange[] {
  const rowsOfA = new Map(a.rows.map((row) => [row.id, row]));
  const idsOfB = new Set(b.rows.map((row) => row.id));
  const changes: MatrixChange[] = [];
  for (const row of b.rows) {
    const previous = rowsOfA.get(row.id);
    if (previous) changes.push(...rowChanges(previous, row));
    else changes.push({ kind: "row-added", rowId: row.id, rowTitle: row.title });
  }
  for (const row of a.rows) {
    if (!idsOfB.has(row.id)) changes.push({ kind: "row-removed", rowId: row.id, rowTitle: row.title });
  }
  return changes;
}
