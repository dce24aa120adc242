import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import {
  addRow,
  deleteRow,
  getRowText,
  getRowsType,
  linkInstrument,
  moveRow,
  setCategory,
  setResponsibility,
  unlinkInstrument,
} from "../../core/board-doc";
import { describeRowEvents, type BoardChange } from "./board-changes";

function record(doc: Y.Doc) {
  const changes: BoardChange[][] = [];
  const titles = new Map<string, string>();
  getRowsType(doc).observeDeep((events) => {
    changes.push(describeRowEvents(events, getRowsType(doc), (id) => titles.get(id) ?? null));
    getRowsType(doc).forEach((row, id) => titles.set(id, String(row.get("title"))));
  });
  return changes;
}

describe("describeRowEvents", () => {
  it("describes each kind of edit in one change per transaction", () => {
    const doc = new Y.Doc();
    const changes = record(doc);
    const id = addRow(doc, { title: "Cable cut" });
    const other = addRow(doc, { title: "Other" });
    setResponsibility(doc, id, "Shared", "EU");
    setCategory(doc, id, "infrastructure");
    linkInstrument(doc, id, "nis2");
    unlinkInstrument(doc, id, "nis2");
    getRowText(doc, id, "notes")!.insert(0, "abc");
    moveRow(doc, other, 0);
    deleteRow(doc, id);
    expect(changes).toEqual([
      [{ kind: "row-added", rowId: id, rowTitle: "Cable cut", detail: {} }],
      [{ kind: "row-added", rowId: other, rowTitle: "Other", detail: {} }],
      [
        {
          kind: "responsibility-changed",
          rowId: id,
          rowTitle: "Cable cut",
          detail: { from: "Unassigned", to: "Shared" },
        },
        { kind: "lead-changed", rowId: id, rowTitle: "Cable cut", detail: { from: "", to: "EU" } },
      ],
      [{ kind: "category-changed", rowId: id, rowTitle: "Cable cut", detail: { from: "cyber", to: "infrastructure" } }],
      [{ kind: "instrument-linked", rowId: id, rowTitle: "Cable cut", detail: { instrument: "nis2" } }],
      [{ kind: "instrument-unlinked", rowId: id, rowTitle: "Cable cut", detail: { instrument: "nis2" } }],
      [{ kind: "text-edited", rowId: id, rowTitle: "Cable cut", detail: { field: "notes" } }],
      [{ kind: "row-moved", rowId: other, rowTitle: "Other", detail: {} }],
      [{ kind: "row-deleted", rowId: id, rowTitle: "Cable cut", detail: {} }],
    ]);
  });
});

describe("describeRowEvents on rows outside the schema", () => {
  it("COLLAB-17 never throws, whatever a row holds (it runs after integration)", () => {
    const doc = new Y.Doc();
    const rows = getRowsType(doc) as unknown as Y.Map<unknown>;
    const seen: BoardChange[][] = [];
    rows.observeDeep((events) => seen.push(describeRowEvents(events, getRowsType(doc), () => null)));
    expect(() => {
      rows.set("as-string", "not a row");
      rows.set("as-array", new Y.Array());
      rows.set("as-number", 42);
    }).not.toThrow();
    expect(seen.flat().map((change) => change.kind)).toEqual(["row-added", "row-added", "row-added"]);
  });
});
