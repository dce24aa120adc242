import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { addRow, getRowText } from "../../core/board-doc";
import { restoreEdits } from "./restore-edits";

/** A page that typed into a row of the board and kept each update, as the page keeps unsent edits. */
function pageWithKeptEdits() {
  const server = new Y.Doc();
  const rowId = addRow(server, { title: "Cable cut" });
  const page = new Y.Doc();
  Y.applyUpdate(page, Y.encodeStateAsUpdate(server));
  const kept: { key: string; update: Uint8Array }[] = [];
  page.on("update", (update: Uint8Array) => kept.push({ key: `k${kept.length}`, update }));
  return { server, page, rowId, kept };
}

describe("restoring kept edits", () => {
  it("COLLAB-31 an edit the document lacks is kept to be saved; one it already holds is dropped", () => {
    const { server, page, rowId, kept } = pageWithKeptEdits();
    getRowText(page, rowId, "title")!.insert(9, " in the Baltic");
    const reloaded = new Y.Doc();
    Y.applyUpdate(reloaded, Y.encodeStateAsUpdate(server));
    expect(restoreEdits(reloaded, kept, "restored")).toEqual({ keep: ["k0"], drop: [] });
    expect(getRowText(reloaded, rowId, "title")!.toString()).toBe("Cable cut in the Baltic");
    // After a reload where the server already had it, the same edit is done.
    expect(restoreEdits(reloaded, kept, "restored")).toEqual({ keep: [], drop: ["k0"] });
  });

  it("COLLAB-31 an edit that waits for changes the page's starting state lacks is kept, not taken as saved", () => {
    const { server, page, rowId, kept } = pageWithKeptEdits();
    const title = getRowText(page, rowId, "title")!;
    title.insert(9, " under");
    title.insert(15, " the sea");
    // The page restarts from a state older than its first edit (a stale cached snapshot): the second edit
    // depends on the first, which is kept under a key that was already released.
    const stale = new Y.Doc();
    Y.applyUpdate(stale, Y.encodeStateAsUpdate(server));
    const outcome = restoreEdits(stale, [kept[1]!], "restored");
    expect(outcome).toEqual({ keep: ["k1"], drop: [] });
    // Once the sync brings the first edit, the waiting one applies.
    Y.applyUpdate(stale, kept[0]!.update);
    expect(getRowText(stale, rowId, "title")!.toString()).toBe("Cable cut under the sea");
  });

  it("COLLAB-31 a damaged entry is dropped and the others still apply", () => {
    const { server, page, rowId, kept } = pageWithKeptEdits();
    getRowText(page, rowId, "title")!.insert(0, "Subsea ");
    const reloaded = new Y.Doc();
    Y.applyUpdate(reloaded, Y.encodeStateAsUpdate(server));
    const damaged = { key: "bad", update: new Uint8Array([255, 255, 255]) };
    expect(restoreEdits(reloaded, [damaged, ...kept], "restored")).toEqual({ keep: ["k0"], drop: ["bad"] });
  });
});
