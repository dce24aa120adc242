/**
 * PERF-32 and PERF-33 on the real endpoint and registry, over a memory store
 * whose appends wait for the test's signal: the room's back-pressure
 * (COLLAB-24) stops reading a writer, whose frames then pile up in TCP and
 * reach the server together once it reads again.
 */
import { afterEach, expect, it } from "vitest";
import WebSocket from "ws";
import * as Y from "yjs";
import { addRow, getRowText } from "../../core/board-doc";
import { encodeUpdate } from "../../server/collab/frames";
import { MemoryUpdateStore } from "../../server/collab/memory-update-store";
import type { RoomRegistry } from "../../server/collab/room-registry";
import { waitFor } from "../support/collab-client";
import { startEndpointOverStore, type EndpointOverStore } from "../support/endpoint-over-store";

let server: EndpointOverStore | null = null;
let writer: WebSocket | null = null;

afterEach(async () => {
  writer?.terminate();
  await server?.stop();
});

/** A store whose appends wait while `hold` is true (storage slow or down). */
function slowStore(boardId: string) {
  const store = new MemoryUpdateStore();
  store.createBoard(boardId);
  const control = { hold: true, release: () => undefined as void };
  const appendMany = store.appendMany.bind(store);
  let released = () => undefined as void;
  let gate = new Promise<void>((resolve) => (released = resolve));
  control.release = () => {
    control.hold = false;
    released();
  };
  store.appendMany = async (id, updates) => {
    if (control.hold) await gate;
    gate = new Promise<void>((resolve) => (released = resolve));
    return appendMany(id, updates);
  };
  return { store, control };
}

async function startEndpoint(
  store: MemoryUpdateStore,
  options: { heartbeatMs: number; maxFramesPerSecond: number },
): Promise<{ port: number; registry: RoomRegistry }> {
  server = await startEndpointOverStore(store, {
    heartbeatMs: options.heartbeatMs,
    limits: {
      maxSocketsPerSession: 10,
      maxSocketsPerBoard: 10,
      maxFramesPerSecond: options.maxFramesPerSecond,
      maxBytesPerSecond: 1 << 20,
    },
    room: { compactEvery: 10_000, maxWriteBacklog: 4 },
  });
  return server;
}

/** A client typing into one row's notes: each keystroke is one update frame, sent every `intervalMs`. */
async function typist(port: number, boardId: string, intervalMs: number) {
  const socket = new WebSocket(`ws://127.0.0.1:${port}/collab/${boardId}`);
  writer = socket;
  let closeCode: number | null = null;
  socket.on("close", (code) => (closeCode = code));
  await new Promise((resolve) => socket.once("open", resolve));
  const doc = new Y.Doc();
  doc.on("update", (update: Uint8Array) => {
    if (socket.readyState === socket.OPEN) socket.send(encodeUpdate(update));
  });
  const rowId = addRow(doc, { title: "Typed" });
  const notes = getRowText(doc, rowId, "notes")!;
  const timer = setInterval(() => notes.insert(notes.length, "x"), intervalMs);
  return {
    rowId,
    typed: () => notes.length,
    stop: () => clearInterval(timer),
    closeCode: () => closeCode,
  };
}

it("PERF-32 a client typing within its rate is not cut off when its frames, held back by back-pressure, arrive together", async () => {
  const boardId = "throttle-1";
  const { store, control } = slowStore(boardId);
  const { port, registry } = await startEndpoint(store, { heartbeatMs: 60_000, maxFramesPerSecond: 20 });
  // 10 keystrokes a second: half the socket's rate.
  const client = await typist(port, boardId, 100);
  await waitFor(() => registry.loadedBoardIds.length === 1, "room loaded");
  const room = (await registry.loadedRoom(boardId))!;
  // Storage is slow: the backlog reaches its bound and the room stops reading the socket (COLLAB-24).
  await waitFor(() => room.pendingWrites >= 4, "back-pressure");
  const typedWhenPaused = client.typed();
  // More than one second's allowance (20 frames) piles up unread while the room holds the socket.
  await waitFor(() => client.typed() >= typedWhenPaused + 45, "typing held back", 30_000);
  client.stop();
  const typed = client.typed();
  control.release();
  const applied = () => getRowText(room.doc, client.rowId, "notes")?.length ?? 0;
  await waitFor(() => applied() === typed || client.closeCode() !== null, "every keystroke applied", 30_000);
  expect(client.closeCode()).toBeNull();
  expect(applied()).toBe(typed);
  await room.settled();
});

it("PERF-33 the heartbeat does not cut off a socket the server has stopped reading", async () => {
  const boardId = "throttle-2";
  const { store, control } = slowStore(boardId);
  // Not shorter: a process starved of CPU for longer than one heartbeat (a loaded 2-core machine) reads the pong too
  // late and the heartbeat rightly cuts the socket off before the pause this test is about (seen at 50 ms, load 20).
  const heartbeatMs = 500;
  const { port, registry } = await startEndpoint(store, { heartbeatMs, maxFramesPerSecond: 1000 });
  const client = await typist(port, boardId, 20);
  await waitFor(() => registry.loadedBoardIds.length === 1, "room loaded");
  const room = (await registry.loadedRoom(boardId))!;
  await waitFor(() => room.pendingWrites >= 4, "back-pressure");
  client.stop();
  // The scenario is the length of the pause: many heartbeats pass while the socket is not read.
  const pausedAt = performance.now();
  await waitFor(() => performance.now() - pausedAt > heartbeatMs * 6, "six heartbeats");
  control.release();
  const typed = client.typed();
  const applied = () => getRowText(room.doc, client.rowId, "notes")?.length ?? 0;
  await waitFor(() => applied() === typed || client.closeCode() !== null, "every keystroke applied", 30_000);
  expect(client.closeCode()).toBeNull();
  expect(applied()).toBe(typed);
  await room.settled();
});
