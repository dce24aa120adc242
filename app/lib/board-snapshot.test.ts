import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { appendRows, readRows } from "../../core/board-doc";
import { decodeSnapshot, docFromSnapshot } from "./board-snapshot";
import { encodeSnapshot } from "./board-snapshot.server";

describe("board snapshot", () => {
  it("round-trips a board's state through base64 into an equal document", () => {
    const doc = new Y.Doc();
    appendRows(
      doc,
      Array.from({ length: 300 }, (_, i) => ({ title: `Threat ${i} — é ✓`, notes: "x".repeat(i) })),
    );
    const state = Y.encodeStateAsUpdate(doc);
    const copy = docFromSnapshot(decodeSnapshot(encodeSnapshot(state)));
    expect(readRows(copy)).toEqual(readRows(doc));
  });

  it("gives an empty document without a state", () => {
    expect(readRows(docFromSnapshot(null))).toEqual([]);
  });
});
