import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { addRow, getRowText, setCategory } from "../../core/board-doc";
import { CloseCode } from "../../core/collab-protocol";
import { describeRefusedEdits, isInDoc, REFUSAL_CLOSE_CODES } from "./refused-edits";
import { SaveTracker } from "./save-tracker";

/** The server's board, and a page's copy of it that records each local update (as the page stores them). */
function boardAndPage() {
  const server = new Y.Doc();
  const rowId = addRow(server, { title: "Cable cut", notes: "Baltic" });
  const page = new Y.Doc();
  Y.applyUpdate(page, Y.encodeStateAsUpdate(server));
  const updates: Uint8Array[] = [];
  page.on("update", (update: Uint8Array) => updates.push(update));
  return { server, page, rowId, updates };
}

describe("refused edits", () => {
  it("COLLAB-29 the text of every field refused edits touched is shown whole, once, whether or not the document already holds them", () => {
    const { server, page, rowId, updates } = boardAndPage();
    const title = getRowText(page, rowId, "title")!;
    for (const character of " under the sea") title.insert(title.length, character); // typed key by key
    getRowText(page, rowId, "notes")!.insert(0, "Refused note. ");
    setCategory(page, rowId, "infrastructure");
    const expected = {
      texts: [
        { rowId, rowTitle: "Cable cut under the sea", field: "title", text: "Cable cut under the sea" },
        { rowId, rowTitle: "Cable cut under the sea", field: "notes", text: "Refused note. Baltic" },
      ],
      otherChanges: 1,
    };
    // After a reload: the server's state, without them.
    expect(describeRefusedEdits(server, updates)).toEqual(expected);
    // In the page that made them: its document holds them already.
    expect(describeRefusedEdits(page, updates)).toEqual(expected);
    // Neither document is changed by reading.
    expect(getRowText(server, rowId, "title")!.toString()).toBe("Cable cut");
  });

  it("COLLAB-29 a deletion in a text field shows the field as it reads without the deleted text", () => {
    const { server, page, rowId, updates } = boardAndPage();
    getRowText(page, rowId, "notes")!.delete(0, 3);
    expect(describeRefusedEdits(server, updates).texts).toEqual([
      { rowId, rowTitle: "Cable cut", field: "notes", text: "tic" },
    ]);
  });

  it("COLLAB-29 an edit the server already holds is recognised (it was committed before the refusal), a new one is not", () => {
    const { server, page, rowId, updates } = boardAndPage();
    getRowText(page, rowId, "title")!.insert(0, "Saved: ");
    Y.applyUpdate(server, updates[0]);
    getRowText(page, rowId, "title")!.insert(0, "Refused ");
    getRowText(page, rowId, "title")!.insert(8, "!"); // builds on the refused "Refused "
    expect(isInDoc(server, updates[0])).toBe(true);
    expect(isInDoc(server, updates[1])).toBe(false);
    // It changes nothing on its own either (Yjs keeps it pending), and is not in the doc.
    expect(isInDoc(server, updates[2])).toBe(false);
    expect(getRowText(server, rowId, "title")!.toString()).toBe("Saved: Cable cut");
  });

  it("COLLAB-29 refusal closes are the server refusing what was sent; closes after which edits are resent are not", () => {
    for (const code of [CloseCode.updateRejected, CloseCode.tooLarge, CloseCode.messageTooBig]) {
      expect(REFUSAL_CLOSE_CODES.has(code)).toBe(true);
    }
    // Signed out, removed, not releasable: the edits were not refused and go out again after signing in.
    for (const code of [CloseCode.unauthenticated, CloseCode.forbidden, CloseCode.notReleasable, 1006]) {
      expect(REFUSAL_CLOSE_CODES.has(code)).toBe(false);
    }
  });

  it("COLLAB-29 on a refusal every unacknowledged edit leaves the tracker with its stored key, and no later acknowledgement brings it back", () => {
    const tracker = new SaveTracker();
    tracker.socketOpened();
    tracker.frameSent(new Uint8Array([0, 1, 2, 0, 0])); // frame 1: sync step 2
    tracker.frameSent(new Uint8Array([0, 2, 2, 0, 0])); // frame 2
    tracker.localEdit("a");
    tracker.frameSent(new Uint8Array([0, 2, 2, 0, 0])); // frame 3
    tracker.localEdit("b");
    tracker.localEdit(null); // an edit with no stored copy (no user)
    expect(tracker.refuseAll()).toEqual(["a", "b"]);
    expect(tracker.unsavedCount).toBe(0);
    expect(tracker.acknowledged(3)).toEqual([]);
  });
});
