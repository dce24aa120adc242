/**
 * Limits of the collaboration endpoint (COLLAB-21) against the real server,
 * with small limits set through the environment.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { CloseCode } from "../../core/collab-protocol";
import type { TestAccount } from "../support/accounts";
import { openCollabSocket, waitFor } from "../support/collab-client";
import { givenBoard } from "../support/given-board";
import { givenTestServer } from "../support/given-server";

const remit = givenTestServer({
  env: { MAX_SOCKETS_PER_SESSION: "2", MAX_SOCKETS_PER_BOARD: "3", MAX_FRAMES_PER_SECOND: "20" },
});
let boardId: string;
let chair: TestAccount;
let delegate: TestAccount;
const sockets: WebSocket[] = [];

beforeAll(async () => {
  ({
    chair,
    boardId,
    members: { delegate },
  } = await givenBoard(remit.server, {
    title: "Limits",
    template: "starter",
    chair: ["Chair", "NATO-IS"],
    members: { delegate: ["Delegate", "FR", "delegate"] },
  }));
});

afterAll(async () => {
  for (const socket of sockets) socket.terminate();
});

function open(account: TestAccount): { socket: WebSocket; opened: Promise<void>; closed: Promise<number> } {
  const socket = openCollabSocket(remit.server.url, boardId, account.cookie);
  sockets.push(socket);
  return {
    socket,
    opened: new Promise((resolve) => socket.on("open", () => resolve())),
    closed: new Promise((resolve) => socket.on("close", (code) => resolve(code))),
  };
}

/** Resolves once the server has answered the socket (its sync step 1), i.e. it is attached. */
const attached = (socket: WebSocket) => new Promise<void>((resolve) => socket.once("message", () => resolve()));

describe("room lifecycle on the real server", () => {
  it("COLLAB-22 opening and closing 30 boards over real sockets leaves no room or timer behind", async () => {
    const timers = () => process.getActiveResourcesInfo().filter((kind) => kind === "Timeout").length;
    const baseline = timers();
    for (let i = 0; i < 30; i++) {
      const id = (await remit.server.access.createBoard(chair.user.id, { title: `Board ${i}`, template: "empty" })).id;
      const socket = openCollabSocket(remit.server.url, id, chair.cookie);
      await attached(socket);
      socket.close();
      await new Promise((resolve) => socket.on("close", resolve));
    }
    await waitFor(() => remit.server.registry.loadedBoardIds.length === 0, "every room unloaded", 60_000);
    expect(remit.server.registry.pendingUnloads).toBe(0);
    await waitFor(() => timers() <= baseline, "timers back to the baseline", 60_000);
  });
});

describe("collaboration limits", () => {
  it("COLLAB-21 sockets per session and per board are limited, with 4430", async () => {
    const first = open(chair);
    const second = open(chair);
    await Promise.all([attached(first.socket), attached(second.socket)]);
    expect(await open(chair).closed).toBe(CloseCode.tooManySockets);
    const third = open(delegate);
    await attached(third.socket);
    expect(await open(delegate).closed).toBe(CloseCode.tooManySockets);
    // Closing frees the slot.
    first.socket.close();
    await first.closed;
    const again = open(delegate);
    await attached(again.socket);
    for (const socket of [second.socket, third.socket, again.socket]) socket.close();
    await Promise.all([second.closed, third.closed, again.closed]);
  });

  it("COLLAB-21 a socket sending more frames per second than allowed is served at that rate, not faster (PERF-32)", async () => {
    const flood = open(delegate);
    // Each query-awareness frame is answered with an awareness frame: the answers show when it was handled.
    let answers = 0;
    flood.socket.on("message", (data: Buffer) => {
      if (data[0] === 1) answers++;
    });
    await flood.opened;
    const queryAwareness = new Uint8Array([3]);
    const started = performance.now();
    for (let i = 0; i < 60; i++) flood.socket.send(queryAwareness);
    await waitFor(() => answers >= 60, "every frame answered", 30_000);
    // One second's allowance (20) at once, the other 40 at 20 a second: never sooner than 2 s.
    expect(performance.now() - started).toBeGreaterThanOrEqual(1900);
    expect(flood.socket.readyState).toBe(WebSocket.OPEN);
    flood.socket.close();
    await flood.closed;
  });
});
