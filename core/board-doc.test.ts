import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import {
  addRow,
  appendRows,
  BoardJsonSchema,
  boardToJson,
  countResponsibilities,
  createUndoManager,
  deleteRow,
  getRowText,
  getSchemaVersion,
  initBoardDoc,
  linkInstrument,
  listRowIds,
  moveRow,
  readRow,
  readRows,
  setResponsibility,
  SCHEMA_VERSION,
  unlinkInstrument,
} from "./board-doc";

/** Two docs wired together like two browsers through a server. */
function connectedPair() {
  const a = new Y.Doc();
  const b = new Y.Doc();
  a.on("update", (update: Uint8Array, origin: unknown) => origin !== "remote" && Y.applyUpdate(b, update, "remote"));
  b.on("update", (update: Uint8Array, origin: unknown) => origin !== "remote" && Y.applyUpdate(a, update, "remote"));
  return { a, b };
}

describe("board document model", () => {
  it("stores the schema version once", () => {
    const doc = new Y.Doc();
    initBoardDoc(doc);
    initBoardDoc(doc);
    expect(getSchemaVersion(doc)).toBe(SCHEMA_VERSION);
  });

  it("adds rows with defaults and reads them back", () => {
    const doc = new Y.Doc();
    const id = addRow(doc, { title: "Undersea cable cut", category: "infrastructure" });
    expect(readRow(doc, id)).toEqual({
      id,
      title: "Undersea cable cut",
      description: "",
      notes: "",
      category: "infrastructure",
      responsibility: "Unassigned",
      lead: null,
      instrumentIds: [],
    });
  });

  it("keeps a lead only for Shared", () => {
    const doc = new Y.Doc();
    const id = addRow(doc, { title: "x" });
    setResponsibility(doc, id, "Shared", "EU");
    expect(readRow(doc, id)).toMatchObject({ responsibility: "Shared", lead: "EU" });
    setResponsibility(doc, id, "NATO");
    expect(readRow(doc, id)).toMatchObject({ responsibility: "NATO", lead: null });
    setResponsibility(doc, id, "Shared");
    expect(readRow(doc, id)?.lead).toBe("Joint");
  });

  it("links instruments as a set", () => {
    const { a, b } = connectedPair();
    const id = addRow(a, { title: "x" });
    linkInstrument(a, id, "nis2");
    linkInstrument(b, id, "nis2");
    linkInstrument(b, id, "eu-5g-toolbox");
    expect(readRow(a, id)?.instrumentIds).toEqual(["eu-5g-toolbox", "nis2"]);
    unlinkInstrument(a, id, "nis2");
    expect(readRow(b, id)?.instrumentIds).toEqual(["eu-5g-toolbox"]);
  });

  it("orders rows and moves them", () => {
    const doc = new Y.Doc();
    const [first, second, third] = appendRows(doc, [{ title: "1" }, { title: "2" }, { title: "3" }]);
    expect(listRowIds(doc)).toEqual([first, second, third]);
    moveRow(doc, third, 0);
    expect(listRowIds(doc)).toEqual([third, first, second]);
    moveRow(doc, third, 2);
    expect(listRowIds(doc)).toEqual([first, second, third]);
  });

  it("keeps order when many rows are inserted into the same gap", () => {
    const doc = new Y.Doc();
    const [first, last] = appendRows(doc, [{ title: "first" }, { title: "last" }]);
    const inserted: string[] = [];
    for (let i = 0; i < 80; i++) inserted.push(addRow(doc, { title: `n${i}` }, 1));
    const ids = listRowIds(doc);
    expect(ids[0]).toBe(first);
    expect(ids.at(-1)).toBe(last);
    expect(ids.slice(1, -1)).toEqual([...inserted].reverse());
  });

  it("merges concurrent typing in one title character by character", () => {
    const a = new Y.Doc();
    const id = addRow(a, { title: "Cable" });
    const b = new Y.Doc();
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    getRowText(a, id, "title")!.insert(0, "Undersea ");
    getRowText(b, id, "title")!.insert(5, " sabotage");
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    expect(readRow(a, id)?.title).toBe("Undersea Cable sabotage");
    expect(readRow(b, id)?.title).toBe("Undersea Cable sabotage");
  });

  it("keeps edits made to a row while someone else moves it", () => {
    const { a, b } = connectedPair();
    const [x, y] = appendRows(a, [{ title: "x" }, { title: "y" }]);
    const offline = new Y.Doc();
    Y.applyUpdate(offline, Y.encodeStateAsUpdate(a));
    moveRow(a, y, 0);
    getRowText(offline, y, "notes")!.insert(0, "keep me");
    Y.applyUpdate(a, Y.encodeStateAsUpdate(offline), "reconnect");
    expect(listRowIds(b)).toEqual([y, x]);
    expect(readRow(b, y)?.notes).toBe("keep me");
  });

  it("produces JSON that matches its schema", () => {
    const doc = new Y.Doc();
    initBoardDoc(doc);
    appendRows(doc, [
      { title: "a", responsibility: "Shared", lead: "NATO", instrumentIds: ["nato-article-4"] },
      { title: "b" },
    ]);
    const json = boardToJson(doc);
    expect(BoardJsonSchema.parse(json)).toEqual(json);
    expect(countResponsibilities(json.rows)).toEqual({ NATO: 0, EU: 0, Shared: 1, Unassigned: 1 });
  });

  it("schema rejects a lead without Shared and unknown responsibilities", () => {
    const row = { id: "r1", title: "t", description: "", notes: "", category: "cyber", instrumentIds: [] };
    expect(
      BoardJsonSchema.safeParse({ schemaVersion: 1, rows: [{ ...row, responsibility: "NATO", lead: "EU" }] }).success,
    ).toBe(false);
    expect(
      BoardJsonSchema.safeParse({ schemaVersion: 1, rows: [{ ...row, responsibility: "UN", lead: null }] }).success,
    ).toBe(false);
    expect(
      BoardJsonSchema.safeParse({ schemaVersion: 1, rows: [{ ...row, responsibility: "Shared", lead: "Joint" }] })
        .success,
    ).toBe(true);
  });

  it("reads odd values written by a foreign client as defaults", () => {
    const doc = new Y.Doc();
    const id = addRow(doc, { title: "x" });
    const row = doc.getMap<Y.Map<unknown>>("rows").get(id)!;
    row.set("responsibility", "Everyone");
    row.set("title", 42);
    expect(readRow(doc, id)).toMatchObject({ responsibility: "Unassigned", title: "" });
  });

  describe("undo", () => {
    it("undoes only the local person's edits", () => {
      const { a, b } = connectedPair();
      const id = addRow(a, { title: "Cable" });
      const undoA = createUndoManager(a);
      const undoB = createUndoManager(b);
      setResponsibility(a, id, "NATO");
      undoA.stopCapturing();
      getRowText(b, id, "notes")!.insert(0, "B's note");
      undoB.stopCapturing();
      setResponsibility(a, id, "EU");
      undoA.undo();
      expect(readRow(b, id)).toMatchObject({ responsibility: "NATO", notes: "B's note" });
      undoA.undo();
      expect(readRow(b, id)).toMatchObject({ responsibility: "Unassigned", notes: "B's note" });
      undoA.redo();
      expect(readRow(b, id)?.responsibility).toBe("NATO");
    });

    it("restores a deleted row with its text", () => {
      const doc = new Y.Doc();
      const id = addRow(doc, { title: "Keep", notes: "notes" });
      const undo = createUndoManager(doc);
      deleteRow(doc, id);
      expect(readRows(doc)).toHaveLength(0);
      undo.undo();
      expect(readRows(doc)).toHaveLength(1);
      expect(readRows(doc)[0]).toMatchObject({ title: "Keep", notes: "notes" });
    });
  });
});
