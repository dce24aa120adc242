/**
 * The load generator's clients: real y-websocket WebsocketProviders (as the
 * browser uses them), each with its own session cookie on Remit and its own
 * row on the board. Every client appends characters to its row's notes; every
 * other client records when each character became visible to it.
 */
import * as Y from "yjs";
import { addRow, getRowText, listRowIds } from "../../core/board-doc";
import { MessageType } from "../../core/collab-protocol";
import { connectClient, type TestClient } from "../../tests/support/collab-client";

export interface SwarmOptions {
  url: string;
  boardId: string;
  /** One cookie per client (Remit); empty for the reference. */
  cookies: string[];
  clients: number;
  /** Presence: each client publishes a cursor-like awareness state and moves it with every edit. */
  presence?: boolean;
}

export interface Swarm {
  clients: TestClient[];
  /** Client i edits rowIds[i]. */
  rowIds: string[];
  /** Characters client j has seen from others. */
  received: Int32Array;
  /** Edit → visible latencies (ms) of every delivery since the last reset. */
  latencies: number[];
  /** Connection errors and closes after the initial sync. */
  errors(): number;
  edit(client: number): void;
  edits(): number;
  waitForConvergence(timeoutMs: number): Promise<boolean>;
  destroy(): void;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function until(check: () => boolean, timeoutMs: number, pollMs = 20): Promise<boolean> {
  const deadline = performance.now() + timeoutMs;
  while (!check()) {
    if (performance.now() > deadline) return false;
    await sleep(pollMs);
  }
  return true;
}

export async function startSwarm(options: SwarmOptions): Promise<Swarm> {
  const { clients: count } = options;
  const clients: TestClient[] = [];
  let errors = 0;
  let synced = 0;
  // Connect in small waves: a thundering herd of upgrades measures the sign-in path, not collaboration.
  for (let i = 0; i < count; i += 10) {
    for (let j = i; j < Math.min(count, i + 10); j++) {
      const client = connectClient(options.url, options.boardId, { cookie: options.cookies[j] });
      // Remit's save acknowledgements (COLLAB-23): a stock client ignores them; here without logging each one.
      client.provider.messageHandlers[MessageType.ack] ??= () => undefined;
      if (options.presence)
        client.provider.awareness.setLocalStateField("user", { name: `Client ${j}`, color: "#336699" });
      client.provider.on("sync", (isSynced: boolean) => {
        if (isSynced) synced++;
      });
      client.provider.on("connection-close", () => {
        if (client.provider.synced || synced > 0) errors++;
      });
      client.provider.on("connection-error", () => errors++);
      clients.push(client);
    }
    if (!(await until(() => clients.every((client) => client.provider.synced), 60_000)))
      throw new Error(`clients did not sync (${clients.filter((c) => c.provider.synced).length}/${clients.length})`);
  }
  errors = 0;
  // One row per client, created by that client.
  const rowIds = clients.map((client, i) => addRow(client.doc, { title: `Client ${i}` }));
  const ready = await until(
    () =>
      clients.every((client) => {
        const ids = new Set(listRowIds(client.doc));
        return rowIds.every((id) => ids.has(id));
      }),
    60_000,
  );
  if (!ready) throw new Error("rows did not reach every client");

  const sendTimes: number[][] = rowIds.map(() => []);
  const received = new Int32Array(count);
  const latencies: number[] = [];
  const seen = clients.map(() => new Int32Array(count));
  const texts = clients.map((client) => rowIds.map((rowId) => getRowText(client.doc, rowId, "notes")!));
  clients.forEach((_, j) => {
    rowIds.forEach((_, i) => {
      if (i === j) return;
      const text = texts[j][i];
      text.observe(() => {
        const now = performance.now();
        const length = text.length;
        for (let n = seen[j][i]; n < length; n++) {
          const sent = sendTimes[i][n];
          if (sent !== undefined) latencies.push(now - sent);
        }
        received[j] += length - seen[j][i];
        seen[j][i] = length;
      });
    });
  });

  let total = 0;
  return {
    clients,
    rowIds,
    received,
    latencies,
    errors: () => errors,
    edit(i) {
      const text = texts[i][i];
      sendTimes[i].push(performance.now());
      text.insert(text.length, "x");
      if (options.presence) {
        clients[i].provider.awareness.setLocalStateField("cursor", { rowId: rowIds[i], index: text.length });
      }
      total++;
    },
    edits: () => total,
    waitForConvergence(timeoutMs) {
      return until(() => {
        for (let j = 0; j < count; j++) if (received[j] !== total - sendTimes[j].length) return false;
        return true;
      }, timeoutMs);
    },
    destroy() {
      for (const client of clients) client.destroy();
    },
  };
}

/** Bytes of a Y.Doc's full state (for reporting sizes). */
export const stateBytes = (doc: Y.Doc) => Y.encodeStateAsUpdate(doc).length;
