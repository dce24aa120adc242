import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { appendRows } from "../../core/board-doc";
import type { InstrumentInfo } from "../../core/services";
import { delegation, fakeConsensusView } from "../../tests/fixtures/snapshot-builder.fixtures";
import { EXPORT_FORMATS, exportMatrix } from "../export/index";
import { buildSnapshot, procedureOf, snapshotRows, type SnapshotProblem } from "./snapshot-builder";

const instrument = (id: string, owner: InstrumentInfo["owner"] = "NATO"): InstrumentInfo => ({
  id,
  name: `Instrument ${id}`,
  owner,
  kind: "treaty",
  year: null,
  reference: "",
  summary: "not exported",
  custom: false,
});

function stateWith(rows: Parameters<typeof appendRows>[1]) {
  const doc = new Y.Doc();
  const ids = appendRows(doc, rows);
  return { state: Y.encodeStateAsUpdate(doc), ids };
}

describe("snapshot builder", () => {
  it("keeps display order, maps workflow and positions, keeps only linked instruments", () => {
    const { state, ids } = stateWith([{ title: "A", instrumentIds: ["i1"] }, { title: "B" }]);
    const consensus = fakeConsensusView([delegation("PL", "Poland")], {
      [ids[1]]: {
        state: "agreed",
        procedure: "silence",
        positions: [{ delegation: "PL", position: "object", text: "No" }],
      },
    });
    const snapshot = buildSnapshot({
      board: { id: "b1", title: "Board" },
      state,
      consensus,
      instruments: [instrument("i1"), instrument("i2", "EU")],
      rows: "all",
      version: null,
    });
    expect(snapshot.rows.map((row) => [row.title, row.workflowState])).toEqual([
      ["A", "draft"],
      ["B", "agreed"],
    ]);
    expect(snapshot.rows[1].positions).toEqual([
      {
        delegation: "PL",
        delegationName: "Poland",
        position: "object",
        text: "No",
        recordedBy: "Delegate of PL",
        recordedAt: "2025-03-05T10:00:00.000Z",
      },
    ]);
    expect(snapshot.instruments).toEqual([
      { id: "i1", name: "Instrument i1", owner: "NATO", kind: "treaty", year: null, reference: "", custom: false },
    ]);
    expect(snapshot.delegationsPresent).toEqual(["Poland"]);
  });

  it("'agreed' keeps agreed rows; the procedure is common, mixed → consensus, any non-agreed → none", () => {
    const { state, ids } = stateWith([{ title: "A" }, { title: "B" }, { title: "C" }]);
    const consensus = fakeConsensusView([], {
      [ids[0]]: { state: "agreed", procedure: "silence" },
      [ids[1]]: { state: "agreed", procedure: "chair-declared" },
    });
    const agreed = snapshotRows({ state, consensus, rows: "agreed" });
    expect(agreed.map((row) => row.title)).toEqual(["A", "B"]);
    expect(procedureOf(agreed, consensus)).toBe("consensus");
    expect(procedureOf(agreed.slice(0, 1), consensus)).toBe("silence");
    expect(procedureOf(snapshotRows({ state, consensus, rows: "all" }), consensus)).toBe("none");
    expect(procedureOf([], consensus)).toBe("none");
  });
});

describe("snapshot builder: rows from anywhere (HARDEN-48)", () => {
  it("HARDEN-48 odd values written into the document by any client: the snapshot coerces or skips, reports, and every format exports", async () => {
    const doc = new Y.Doc();
    const [good, odd] = appendRows(doc, [{ title: "Fine" }, { title: "Odd instruments", instrumentIds: ["i1"] }]);
    const rows = doc.getMap<Y.Map<unknown>>("rows");
    doc.transact(() => {
      // A hand-made client: empty and 500-character instrument ids, a 1 MB title, a row keyed by a 200-character id.
      const instruments = rows.get(odd)!.get("instruments") as Y.Map<boolean>;
      instruments.set("", true);
      instruments.set("x".repeat(500), true);
      (rows.get(good)!.get("title") as Y.Text).insert(0, "t".repeat(1_000_000));
      const long = new Y.Map<unknown>();
      long.set("title", new Y.Text("Long id"));
      rows.set("k".repeat(200), long);
    });
    const problems: SnapshotProblem[] = [];
    const snapshot = buildSnapshot({
      board: { id: "b1", title: "Board" },
      state: Y.encodeStateAsUpdate(doc),
      consensus: fakeConsensusView([], {}),
      instruments: [instrument("i1")],
      rows: "all",
      version: null,
      report: (problem) => problems.push(problem),
    });
    expect(snapshot.rows.map((row) => row.id)).toEqual([good, odd]);
    expect(snapshot.rows[0].title).toHaveLength(300);
    expect(snapshot.rows[1].instrumentIds).toEqual(["i1"]);
    // The long-id row has no position, so it sorts first.
    expect(problems).toEqual([
      { rowId: "k".repeat(64), action: "skipped", detail: expect.stringMatching(/^id: /) },
      { rowId: good, action: "coerced", detail: "text clamped" },
      { rowId: odd, action: "coerced", detail: "bad instrument ids dropped" },
    ]);
    for (const format of EXPORT_FORMATS) {
      const file = await exportMatrix(format, snapshot);
      expect(file.body.length).toBeGreaterThan(0);
    }
  });
});
