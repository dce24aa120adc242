import { describe, expect, it } from "vitest";
import { diffSnapshots } from "./matrix-diff";
import type { MatrixSnapshot, SnapshotRow } from "./matrix-snapshot";

const row = (id: string, extra: Partial<SnapshotRow> = {}): SnapshotRow => ({
  id,
  title: `Threat ${id}`,
  description: "",
  notes: "",
  category: "cyber",
  responsibility: "NATO",
  lead: null,
  instrumentIds: [],
  workflowState: "draft",
  positions: [],
  ...extra,
});

const at = "2025-01-01T00:00:00.000Z";
const position = (
  delegation: string,
  kind: SnapshotRow["positions"][number]["position"],
  text: string | null = null,
) => ({
  delegation,
  delegationName: delegation,
  position: kind,
  text,
  recordedBy: "x",
  recordedAt: at,
});

const snapshot = (rows: SnapshotRow[]): MatrixSnapshot => ({
  format: "remit-matrix",
  formatVersion: 1,
  board: { id: "b", title: "B" },
  version: null,
  delegationsPresent: [],
  instruments: [],
  rows,
});

describe("diffSnapshots", () => {
  it("lists the exact changes in a stable order", () => {
    const a = snapshot([
      row("r1", {
        instrumentIds: ["i1", "i2"],
        positions: [position("PL", "support"), position("DK", "reserve", "old")],
      }),
      row("r2"),
      row("r3", { title: "Old title", responsibility: "EU" }),
    ]);
    const b = snapshot([
      row("r3", { title: "New title", responsibility: "Shared", lead: "Joint" }),
      row("r1", {
        instrumentIds: ["i2", "i3"],
        positions: [position("DK", "reserve", "new"), position("FR", "object", "no")],
      }),
      row("r4"),
    ]);
    expect(diffSnapshots(a, b)).toEqual([
      { kind: "title-changed", rowId: "r3", rowTitle: "New title", from: "Old title", to: "New title" },
      { kind: "responsibility-changed", rowId: "r3", rowTitle: "New title", from: "EU", to: "Shared" },
      { kind: "lead-changed", rowId: "r3", rowTitle: "New title", from: null, to: "Joint" },
      { kind: "instrument-linked", rowId: "r1", rowTitle: "Threat r1", instrumentId: "i3" },
      { kind: "instrument-unlinked", rowId: "r1", rowTitle: "Threat r1", instrumentId: "i1" },
      {
        kind: "position-changed",
        rowId: "r1",
        rowTitle: "Threat r1",
        delegation: "DK",
        from: "reserve",
        to: "reserve",
        fromText: "old",
        toText: "new",
      },
      {
        kind: "position-changed",
        rowId: "r1",
        rowTitle: "Threat r1",
        delegation: "FR",
        from: null,
        to: "object",
        fromText: null,
        toText: "no",
      },
      { kind: "position-changed", rowId: "r1", rowTitle: "Threat r1", delegation: "PL", from: "support", to: null },
      { kind: "row-added", rowId: "r4", rowTitle: "Threat r4" },
      { kind: "row-removed", rowId: "r2", rowTitle: "Threat r2" },
    ]);
  });

  it("is empty for identical snapshots and survives JSON", () => {
    const a = snapshot([row("r1", { positions: [position("PL", "abstain")] })]);
    expect(diffSnapshots(a, structuredClone(a))).toEqual([]);
    const changes = diffSnapshots(a, snapshot([]));
    expect(JSON.parse(JSON.stringify(changes))).toEqual(changes);
  });
});
