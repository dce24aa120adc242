/**
 * Edits a board the way a browser does (a y-websocket client with the
 * account's session) and waits until the server holds the result.
 */
import * as Y from "yjs";
import { boardToJson, type BoardJson } from "../../core/board-doc";
import type { RemitServer } from "../../server/remit-server";
import type { TestAccount } from "./accounts";
import { connectClient, waitForSync } from "./collab-client";

export function boardJsonOfState(state: Uint8Array): BoardJson {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, state);
  const json = boardToJson(doc);
  doc.destroy();
  return json;
}

export async function serverBoardJson(server: RemitServer, boardId: string): Promise<BoardJson> {
  return boardJsonOfState(await server.registry.readState(boardId));
}

/** Runs `edit` on a live client doc; resolves once the server's state equals the client's. Returns edit's result. */
export async function editBoard<T>(
  server: RemitServer,
  account: TestAccount,
  boardId: string,
  edit: (doc: Y.Doc) => T,
): Promise<T> {
  const client = connectClient(server.url, boardId, { cookie: account.cookie });
  try {
    await waitForSync(client);
    const result = edit(client.doc);
    const expected = JSON.stringify(boardToJson(client.doc));
    const started = Date.now();
    while (JSON.stringify(await serverBoardJson(server, boardId)) !== expected) {
      if (Date.now() - started > 5000) throw new Error("timed out waiting for the server to hold the edit");
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    // The activity feed is written in batches (PERF-37): what the edit recorded is in it too.
    await server.activity.flush();
    return result;
  } finally {
    client.destroy();
  }
}
