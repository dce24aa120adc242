import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import {
  addRow,
  appendRows,
  createUndoManager,
  deleteRow,
  getRowsType,
  initBoardDoc,
  linkInstrument,
  moveRow,
  replaceText,
  setCategory,
  setResponsibility,
  unlinkInstrument,
} from "../../core/board-doc";
import { throwingUpdate } from "../../tests/support/yjs-throwing-update";
import { checkUpdate } from "./update-validation";

/** A server doc with one row, and a client doc synced with it. */
function boardPair() {
  const server = new Y.Doc();
  initBoardDoc(server);
  const rowId = addRow(server, { title: "Cable cut" });
  const client = new Y.Doc();
  Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
  return { server, client, rowId };
}

/** The update a change on the client produces, checked against the server doc. */
function checkChange(change: (client: Y.Doc, rowId: string) => void) {
  const { server, client, rowId } = boardPair();
  const before = Y.encodeStateVector(client);
  change(client, rowId);
  return checkUpdate(server, Y.encodeStateAsUpdate(client, before));
}

const rowMap = (doc: Y.Doc, rowId: string) => getRowsType(doc).get(rowId)!;

describe("checkUpdate: what honest clients do passes", () => {
  const honest: [string, (doc: Y.Doc, rowId: string) => void][] = [
    [
      "add a row",
      (doc) => addRow(doc, { title: "New", responsibility: "Shared", lead: "EU", instrumentIds: ["nato-article-5"] }),
    ],
    [
      "import 200 rows",
      (doc) =>
        appendRows(
          doc,
          Array.from({ length: 200 }, (_, i) => ({ title: `row ${i}` })),
        ),
    ],
    ["type into a title", (doc, rowId) => (rowMap(doc, rowId).get("title") as Y.Text).insert(3, "abc")],
    ["replace a description", (doc, rowId) => replaceText(doc, rowId, "description", "x".repeat(10_000))],
    ["set Shared with a lead", (doc, rowId) => setResponsibility(doc, rowId, "Shared", "NATO")],
    ["set NATO", (doc, rowId) => setResponsibility(doc, rowId, "NATO")],
    ["set the category", (doc, rowId) => setCategory(doc, rowId, "hybrid")],
    ["move a row", (doc, rowId) => moveRow(doc, rowId, 0)],
    [
      "link and unlink",
      (doc, rowId) => (linkInstrument(doc, rowId, "custom-AbC_12"), unlinkInstrument(doc, rowId, "custom-AbC_12")),
    ],
    ["delete a row", (doc, rowId) => deleteRow(doc, rowId)],
    [
      "undo a responsibility change",
      (doc, rowId) => {
        const undo = createUndoManager(doc);
        setResponsibility(doc, rowId, "Shared", "EU");
        undo.stopCapturing();
        setResponsibility(doc, rowId, "NATO");
        undo.undo();
        undo.undo();
      },
    ],
  ];
  for (const [name, change] of honest) {
    it(`COLLAB-16 ${name}`, () => {
      expect(checkChange(change)).toMatchObject({ ok: true });
    });
  }

  it("COLLAB-16 a whole board from scratch (a client's first sync step 2) passes", () => {
    const doc = new Y.Doc();
    initBoardDoc(doc);
    appendRows(doc, [{ title: "a", responsibility: "Shared", lead: "Joint" }, { title: "b" }]);
    expect(checkUpdate(new Y.Doc(), Y.encodeStateAsUpdate(doc))).toMatchObject({ ok: true });
  });
});

describe("checkUpdate: what breaks the board schema is refused, naming the rule", () => {
  const hostile: [string, string, (doc: Y.Doc, rowId: string) => void][] = [
    ["responsibility Mars", "enum", (doc, rowId) => rowMap(doc, rowId).set("responsibility", "Mars")],
    ["a category outside the list", "enum", (doc, rowId) => rowMap(doc, rowId).set("category", 7)],
    ["a lead without Shared", "shared-lead", (doc, rowId) => rowMap(doc, rowId).set("lead", "EU")],
    [
      "Shared without a lead",
      "shared-lead",
      (doc, rowId) =>
        doc.transact(() => (rowMap(doc, rowId).set("responsibility", "Shared"), rowMap(doc, rowId).set("lead", ""))),
    ],
    [
      "a 1,000,000-character title",
      "text-growth",
      (doc, rowId) => (rowMap(doc, rowId).get("title") as Y.Text).insert(0, "x".repeat(1_000_000)),
    ],
    ["a row that is a string", "row-shape", (doc) => (getRowsType(doc) as Y.Map<unknown>).set("rabc", "row")],
    ["a row that is a Y.Array", "row-shape", (doc) => (getRowsType(doc) as Y.Map<unknown>).set("rabc", new Y.Array())],
    ["a 200-character row id", "row-id", (doc) => getRowsType(doc).set("r".repeat(200), new Y.Map())],
    ["an id that differs from the key", "row-id", (doc, rowId) => rowMap(doc, rowId).set("id", "other")],
    ["schemaVersion -1", "meta", (doc) => doc.getMap("meta").set("schemaVersion", -1)],
    ["an unknown meta key", "meta", (doc) => doc.getMap("meta").set("owner", "me")],
    ["an empty instrument key", "instrument-key", (doc, rowId) => linkInstrument(doc, rowId, "")],
    ["a 101-character instrument key", "instrument-key", (doc, rowId) => linkInstrument(doc, rowId, "i".repeat(101))],
    [
      "an instrument set to false",
      "instrument-key",
      (doc, rowId) => (rowMap(doc, rowId).get("instruments") as Y.Map<unknown>).set("nis2", false),
    ],
    ["an unknown row field", "row-field", (doc, rowId) => rowMap(doc, rowId).set("owner", "me")],
    ["a position that is not a number", "row-field", (doc, rowId) => rowMap(doc, rowId).set("position", "first")],
    ["a title that is a string", "row-shape", (doc, rowId) => rowMap(doc, rowId).set("title", "plain")],
    [
      "nesting inside a row",
      "row-field",
      (doc, rowId) => {
        let nested = new Y.Map<unknown>();
        const top = nested;
        for (let depth = 0; depth < 200; depth++) {
          const inner = new Y.Map<unknown>();
          nested.set("deeper", inner);
          nested = inner;
        }
        rowMap(doc, rowId).set("nested", top);
      },
    ],
    [
      "a map inside a title",
      "text-content",
      (doc, rowId) => (rowMap(doc, rowId).get("title") as Y.Text).insertEmbed(0, { evil: true }),
    ],
    [
      "formatting in a title",
      "text-content",
      (doc, rowId) => (rowMap(doc, rowId).get("title") as Y.Text).format(0, 3, { bold: true }),
    ],
    ["list content in rows", "root-type", (doc) => doc.getArray("elsewhere").push(["x"])],
  ];
  for (const [name, rule, change] of hostile) {
    it(`COLLAB-16 ${name} → ${rule}`, () => {
      expect(checkChange(change)).toMatchObject({ ok: false, rule });
    });
  }

  it("COLLAB-18 a struct referring to a later change of its own client (a real bit-flipped update Yjs throws on) → decode", () => {
    const doc = new Y.Doc();
    initBoardDoc(doc);
    expect(() => Y.applyUpdate(new Y.Doc(), throwingUpdate())).toThrow();
    expect(checkUpdate(doc, throwingUpdate())).toMatchObject({ ok: false, rule: "decode" });
  });

  it("COLLAB-16 more rows in one update than the limit → rows-per-update", () => {
    const doc = new Y.Doc();
    doc.transact(() => {
      for (let i = 0; i < 5_001; i++) getRowsType(doc).set(`r${i}`, new Y.Map());
    });
    expect(checkUpdate(new Y.Doc(), Y.encodeStateAsUpdate(doc))).toMatchObject({ ok: false, rule: "rows-per-update" });
  });

  it("COLLAB-16 many small additions stop at the hard cap of a field (4x its editor maximum)", () => {
    const { server, client, rowId } = boardPair();
    const title = () => rowMap(client, rowId).get("title") as Y.Text;
    let refused = null;
    for (let i = 0; i < 10 && !refused; i++) {
      const before = Y.encodeStateVector(client);
      title().insert(0, "y".repeat(300));
      const update = Y.encodeStateAsUpdate(client, before);
      const check = checkUpdate(server, update);
      if (check.ok) Y.applyUpdate(server, update);
      else refused = check;
    }
    expect(refused).toMatchObject({ ok: false, rule: "text-hard-cap" });
    expect((rowMap(server, rowId).get("title") as Y.Text).length).toBeLessThanOrEqual(1200);
  });
});

describe("checkUpdate: pending structs", () => {
  it("COLLAB-20 an update that depends on changes the server never saw is reported pending", () => {
    const { server, client, rowId } = boardPair();
    const skipped = Y.encodeStateVector(client);
    setCategory(client, rowId, "data"); // never sent
    const afterSkipped = Y.encodeStateVector(client);
    (rowMap(client, rowId).get("title") as Y.Text).insert(0, "later ");
    const dependent = Y.encodeStateAsUpdate(client, afterSkipped);
    expect(checkUpdate(server, dependent)).toMatchObject({ ok: false, rule: "pending" });
    // Once the missing change arrives, both apply.
    Y.applyUpdate(server, Y.encodeStateAsUpdate(client, skipped));
    expect(checkUpdate(server, dependent)).toMatchObject({ ok: true });
  });

  it("COLLAB-20 a delete of content nobody has is pending", () => {
    const server = new Y.Doc();
    const ds = new Y.Doc();
    const text = ds.getMap("rows");
    text.set("rx", new Y.Map());
    const update = Y.encodeStateAsUpdate(ds);
    ds.getMap("rows").delete("rx");
    const deletion = Y.encodeStateAsUpdate(ds, Y.encodeStateVectorFromUpdate(update));
    expect(checkUpdate(server, deletion)).toMatchObject({ ok: false, rule: "pending" });
  });

  it("COLLAB-19 reports the client ids under which an update introduces structs", () => {
    const { server, client, rowId } = boardPair();
    const before = Y.encodeStateVector(client);
    setCategory(client, rowId, "data");
    expect(checkUpdate(server, Y.encodeStateAsUpdate(client, before))).toMatchObject({
      ok: true,
      newClients: [client.clientID],
    });
  });
});
