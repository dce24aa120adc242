/**
 * COLLAB-7 needs a board whose load takes a while: the real endpoint and
 * registry over an update store whose load waits for the test's signal.
 */
import { afterEach, expect, it } from "vitest";
import WebSocket from "ws";
import * as Y from "yjs";
import { addRow, readRows } from "../../core/board-doc";
import { encodeUpdate } from "../../server/collab/frames";
import { MemoryUpdateStore } from "../../server/collab/memory-update-store";
import { waitFor } from "../support/collab-client";
import { startEndpointOverStore, type EndpointOverStore } from "../support/endpoint-over-store";

let server: EndpointOverStore;

afterEach(async () => {
  await server.stop();
});

function updateFrame(title: string): Uint8Array {
  const doc = new Y.Doc();
  addRow(doc, { title });
  return encodeUpdate(Y.encodeStateAsUpdate(doc));
}

it("COLLAB-7 frames sent while the board is loading are applied in order once it has loaded", async () => {
  const store = new MemoryUpdateStore();
  store.createBoard("slowboard1");
  let releaseLoad!: () => void;
  const loadGate = new Promise<void>((resolve) => (releaseLoad = resolve));
  const load = store.load.bind(store);
  store.load = async (boardId) => {
    await loadGate;
    return load(boardId);
  };
  server = await startEndpointOverStore(store);
  const { port, registry } = server;

  const socket = new WebSocket(`ws://127.0.0.1:${port}/collab/slowboard1`);
  await new Promise((resolve) => socket.on("open", resolve));
  for (const title of ["first", "second", "third"]) socket.send(updateFrame(title));
  await new Promise((resolve) => setTimeout(resolve, 50));
  expect(registry.loadedBoardIds).toEqual(["slowboard1"]);
  releaseLoad();
  const room = (await registry.loadedRoom("slowboard1"))!;
  await waitFor(() => readRows(room.doc).length === 3, "buffered frames to apply");
  await room.flush();
  const stored = await store.load("slowboard1");
  expect(stored.snapshot).not.toBeNull();
  socket.close();
});
