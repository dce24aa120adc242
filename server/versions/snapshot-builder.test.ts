import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { appendRows } from "../../core/board-doc";
import type { InstrumentInfo } from "../../core/services";
import { delegation, fakeConsensusView } from "../../tests/fixtures/snapshot-builder.fixtures";
import { buildSnapshot, procedureOf, snapshotRows } from "./snapshot-builder";

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
