/**
 * PERF-66: checkUpdate keeps where each integrated type of a document sits in the schema. Every judgement must be
 * the one a document that never cached anything gives: each update below is checked against the live document
 * (its types classified by the updates before) and against a copy rebuilt from the same state (new type objects,
 * nothing cached), and both verdicts must agree, honest and hostile, before and after the row is deleted.
 */
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { addRow, deleteRow, getRowsType, getRowText, initBoardDoc } from "../../core/board-doc";
import { checkUpdate } from "./update-validation";

/** A change made on a client synced with `server`, as the update it sends. */
function change(server: Y.Doc, edit: (client: Y.Doc) => void): Uint8Array {
  const client = new Y.Doc();
  Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
  const before = Y.encodeStateVector(client);
  edit(client);
  return Y.encodeStateAsUpdate(client, before);
}

/** The verdict against the live document and against a fresh copy of it, which must be the same. */
function bothVerdicts(server: Y.Doc, update: Uint8Array) {
  const fresh = new Y.Doc();
  Y.applyUpdate(fresh, Y.encodeStateAsUpdate(server));
  const strip = (check: ReturnType<typeof checkUpdate>) => (check.ok ? "ok" : check.rule);
  return { live: strip(checkUpdate(server, update)), fresh: strip(checkUpdate(fresh, update)) };
}

describe("checkUpdate's schema places of types (PERF-66)", () => {
  it("PERF-66 once a row's fields are known, every verdict is the one a document that cached nothing gives, also after the row is deleted", () => {
    const server = new Y.Doc();
    initBoardDoc(server);
    const rowId = addRow(server, { title: "Cable cut" });
    const keystroke = (client: Y.Doc) => getRowText(client, rowId, "notes")!.insert(0, "x");
    const embed = (client: Y.Doc) => getRowText(client, rowId, "notes")!.insertEmbed(0, { evil: true });
    const nested = (client: Y.Doc) => getRowsType(client).get(rowId)!.set("notes", new Y.Map());
    const unknownField = (client: Y.Doc) => getRowsType(client).get(rowId)!.set("evil", 1);
    const verdicts: Record<string, { live: string; fresh: string }> = {};
    for (let k = 0; k < 5; k++) {
      const update = change(server, keystroke);
      verdicts[`keystroke ${k}`] = bothVerdicts(server, update);
      Y.applyUpdate(server, update);
    }
    verdicts.embed = bothVerdicts(server, change(server, embed));
    verdicts.nested = bothVerdicts(server, change(server, nested));
    verdicts.unknownField = bothVerdicts(server, change(server, unknownField));
    // A client still holding the row types into it and embeds into it after the server deleted it.
    const late = new Y.Doc();
    Y.applyUpdate(late, Y.encodeStateAsUpdate(server));
    const lateVector = Y.encodeStateVector(late);
    deleteRow(server, rowId);
    getRowText(late, rowId, "notes")!.insert(0, "y");
    verdicts.lateKeystroke = bothVerdicts(server, Y.encodeStateAsUpdate(late, lateVector));
    getRowText(late, rowId, "notes")!.insertEmbed(0, { evil: true });
    verdicts.lateEmbed = bothVerdicts(server, Y.encodeStateAsUpdate(late, lateVector));
    for (const [name, { live, fresh }] of Object.entries(verdicts)) expect(live, name).toBe(fresh);
    expect(verdicts["keystroke 4"].live).toBe("ok");
    expect(verdicts.embed.live).toBe("text-content");
    expect(verdicts.unknownField.live).toBe("row-field");
    expect(verdicts.nested.live).not.toBe("ok");
  });
});
