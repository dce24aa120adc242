/**
 * Collaboration throughput against the reference y-websocket server
 * (@y/websocket-server), both measured in the same run on this machine:
 * C clients each type E characters (one update per keystroke) into the same
 * notes field at once; we time until every client has every character.
 * Ours also authenticates, validates, stamps and persists each update (SQLite);
 * the reference keeps everything in memory.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { WebSocketServer } from "ws";
import { addRow, getRowText, listRowIds } from "../core/board-doc";
import { loadConfig } from "../server/config";
import { startRemitServer } from "../server/remit-server";
import { connectClient, waitFor, waitForSync, type TestClient } from "../tests/support/collab-client";
import { createAccount } from "../tests/support/accounts";

interface Target {
  url: string;
  room: string;
  cookie?: string;
  /** Resolves once everything the server accepted is durable (ours only). */
  durable?: () => Promise<void>;
  stop(): Promise<void>;
}

async function startReference(): Promise<Target> {
  // @y/websocket-server has no types; its utils module is plain JS.
  const { setupWSConnection } = (await import("@y/websocket-server/utils")) as unknown as {
    setupWSConnection: (ws: unknown, req: unknown, options: { docName: string }) => void;
  };
  const wss = new WebSocketServer({ noServer: true });
  const server: Server = createServer();
  server.on("upgrade", (request, socket, head) =>
    wss.handleUpgrade(request, socket, head, (ws) =>
      setupWSConnection(ws, request, { docName: (request.url ?? "/").split("/").pop() ?? "bench" }),
    ),
  );
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    room: "bench-board",
    async stop() {
      for (const client of wss.clients) client.terminate();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

async function startOurs(): Promise<Target> {
  const dir = mkdtempSync(join(tmpdir(), "remit-bench-"));
  const config = loadConfig({
    DATABASE_URL: `file:${join(dir, "remit.db")}`,
    HOST: "127.0.0.1",
    PORT: "0",
    DEMO: "false",
  });
  const server = await startRemitServer({ config, unloadDelayMs: 0, log: () => undefined });
  const account = await createAccount(server, "Bench", "DE");
  const board = await server.access.createBoard(account.user.id, { title: "Bench", template: "empty" });
  return {
    url: server.url,
    room: board.id,
    cookie: account.cookie,
    durable: async () => {
      await (await server.registry.loadedRoom(board.id))?.flush();
    },
    async stop() {
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** One run: milliseconds from the first keystroke until every client has all of them, and until they are durable. */
async function typeTogether(
  target: Target,
  clients: number,
  keystrokes: number,
): Promise<{ converged: number; durable: number }> {
  const peers: TestClient[] = [];
  for (let i = 0; i < clients; i++) peers.push(connectClient(target.url, target.room, { cookie: target.cookie }));
  await Promise.all(peers.map(waitForSync));
  let rowId = listRowIds(peers[0].doc)[0];
  if (!rowId) rowId = addRow(peers[0].doc, { title: "bench" });
  await waitFor(() => peers.every((peer) => getRowText(peer.doc, rowId, "notes") !== null), "row everywhere", 10_000);
  const before = getRowText(peers[0].doc, rowId, "notes")!.length;
  const expected = before + clients * keystrokes;
  const started = performance.now();
  for (let k = 0; k < keystrokes; k++) {
    for (const peer of peers) getRowText(peer.doc, rowId, "notes")!.insert(0, "x");
    if (k % 20 === 19) await new Promise((resolve) => setImmediate(resolve));
  }
  await waitFor(
    () => peers.every((peer) => getRowText(peer.doc, rowId, "notes")!.length === expected),
    "convergence",
    60_000,
  );
  const converged = performance.now() - started;
  await target.durable?.();
  const durable = performance.now() - started;
  for (const peer of peers) peer.destroy();
  return { converged, durable };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

export interface CollabBenchRow {
  name: string;
  medianMs: number;
  ratioToReference: number;
}

export async function runCollabBench(
  options: { clients?: number; keystrokes?: number; runs?: number; log?: (line: string) => void } = {},
): Promise<CollabBenchRow[]> {
  const { clients = 4, keystrokes = 250, runs = 3, log = console.log } = options;
  const rows: CollabBenchRow[] = [];
  const reference = await startReference();
  const ours = await startOurs();
  try {
    const times = { reference: [] as number[], ours: [] as number[], oursDurable: [] as number[] };
    // Interleaved, so machine noise hits both alike.
    for (let run = 0; run < runs; run++) {
      times.reference.push((await typeTogether(reference, clients, keystrokes)).converged);
      const ourRun = await typeTogether(ours, clients, keystrokes);
      times.ours.push(ourRun.converged);
      times.oursDurable.push(ourRun.durable);
      log(
        `run ${run + 1}: reference ${times.reference.at(-1)!.toFixed(0)} ms, remit ${ourRun.converged.toFixed(0)} ms (durable ${ourRun.durable.toFixed(0)} ms)`,
      );
    }
    const referenceMedian = median(times.reference);
    rows.push({
      name: `reference y-websocket, ${clients} clients × ${keystrokes} keystrokes`,
      medianMs: referenceMedian,
      ratioToReference: 1,
    });
    rows.push({
      name: `remit (auth, validation, SQLite log), same load`,
      medianMs: median(times.ours),
      ratioToReference: median(times.ours) / referenceMedian,
    });
    rows.push({
      name: `remit, until every update is durable and compacted`,
      medianMs: median(times.oursDurable),
      ratioToReference: median(times.oursDurable) / referenceMedian,
    });
  } finally {
    await reference.stop();
    await ours.stop();
  }
  return rows;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  for (const row of await runCollabBench())
    console.log(`${row.name}: ${row.medianMs.toFixed(0)} ms (×${row.ratioToReference.toFixed(2)})`);
  process.exit(0);
}
