import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { addRow, boardWarnings, getRowText, MAX_TITLE_LENGTH } from "./board-doc";

describe("boardWarnings", () => {
  it("COLLAB-16 a field two people pushed past its maximum together is a warning, not an error", () => {
    const alice = new Y.Doc();
    const rowId = addRow(alice, { title: "" });
    const bob = new Y.Doc();
    Y.applyUpdate(bob, Y.encodeStateAsUpdate(alice));
    getRowText(alice, rowId, "title")!.insert(0, "a".repeat(200));
    getRowText(bob, rowId, "title")!.insert(0, "b".repeat(200));
    Y.applyUpdate(alice, Y.encodeStateAsUpdate(bob));
    expect(boardWarnings(alice)).toEqual([
      { kind: "field-too-long", rowId, field: "title", size: 400, limit: MAX_TITLE_LENGTH },
    ]);
    expect(boardWarnings(alice, 9 * 1024 * 1024).map((warning) => warning.kind)).toContain("large-document");
  });
});
