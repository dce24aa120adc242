/**
 * The soak's clients (P10): each connection speaks y-websocket's protocol itself — sync step 1 and 2, one update
 * frame per edit, a presence (awareness) frame per edit — with a document that holds only its own row, and reads
 * what the server relays without building the board. The server sees what 5,000 browsers would send it; the
 * generator, one core for 5,000 connections, no longer spends it integrating every board 5,000 times (with
 * WebsocketProviders its event loop was the tail of the latency it measured).
 *
 * Delivery is timed per character: a writer notes when it typed the character at each clock of its own client
 * id; a reader decodes each relayed update's structs (not applying them) and times every character it sees first.
 */
import WebSocket from "ws";
import * as Y from "yjs";
import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import * as syncProtocol from "y-protocols/sync";
import { addRow, getRowText } from "../../core/board-doc";
import { MessageType } from "../../core/collab-protocol";
import { until } from "./swarm";

export interface ProtocolSwarmOptions {
  url: string;
  boardId: string;
  /** One cookie per client. */
  cookies: string[];
  clients: number;
}

export interface SoakSwarm {
  size: number;
  /** Edit → visible latencies (ms) of every delivery since the last splice. */
  latencies: number[];
  /** Connection errors and closes after the initial sync. */
  errors(): number;
  edit(client: number): void;
  waitForConvergence(timeoutMs: number): Promise<boolean>;
  destroy(): void;
}

function frame(write: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder();
  write(encoder);
  return encoding.toUint8Array(encoder);
}

/** A presence frame as y-protocols encodes one state: count, client id, clock, JSON. */
function awarenessFrame(clientId: number, clock: number, state: unknown): Uint8Array {
  const update = frame((encoder) => {
    encoding.writeVarUint(encoder, 1);
    encoding.writeVarUint(encoder, clientId);
    encoding.writeVarUint(encoder, clock);
    encoding.writeVarString(encoder, JSON.stringify(state));
  });
  return frame((encoder) => {
    encoding.writeVarUint(encoder, MessageType.awareness);
    encoding.writeVarUint8Array(encoder, update);
  });
}

export async function startProtocolSwarm(options: ProtocolSwarmOptions): Promise<SoakSwarm> {
  const count = options.clients;
  const wsUrl = `${options.url.replace(/^http/, "ws")}/collab/${options.boardId}`;
  const docs = Array.from({ length: count }, () => new Y.Doc());
  const writerOf = new Map(docs.map((doc, i) => [doc.clientID, i]));
  /** sendTimes[i][clock]: when client i typed the character at that clock. */
  const sendTimes: number[][] = docs.map(() => []);
  /** seen[j * count + i]: clocks of client i that client j has seen (relayed updates arrive in clock order). */
  const seen = new Int32Array(count * count);
  const latencies: number[] = [];
  const synced = new Uint8Array(count);
  const awarenessClocks = new Int32Array(count);
  let errors = 0;
  let closing = false;

  const observe = (j: number, update: Uint8Array) => {
    const now = performance.now();
    for (const struct of Y.decodeUpdate(update).structs) {
      const i = writerOf.get(struct.id.client);
      if (i === undefined || i === j) continue;
      const end = struct.id.clock + struct.length;
      const from = Math.max(struct.id.clock, seen[j * count + i]);
      if (end <= from) continue;
      for (let clock = from; clock < end; clock++) {
        const sent = sendTimes[i][clock];
        if (sent !== undefined) latencies.push(now - sent);
      }
      seen[j * count + i] = end;
    }
  };

  const sockets = docs.map(() => null as WebSocket | null);
  const connect = (j: number) => {
    const doc = docs[j];
    const socket = new WebSocket(wsUrl, { headers: { Cookie: options.cookies[j] } });
    sockets[j] = socket;
    socket.binaryType = "nodebuffer";
    socket.on("open", () => {
      socket.send(
        frame(
          (encoder) => (encoding.writeVarUint(encoder, MessageType.sync), syncProtocol.writeSyncStep1(encoder, doc)),
        ),
      );
      socket.send(awarenessFrame(doc.clientID, ++awarenessClocks[j], { focus: null }));
    });
    socket.on("message", (data: Buffer) => {
      const decoder = decoding.createDecoder(data);
      if (decoding.readVarUint(decoder) !== MessageType.sync) return; // presence, acks, access, board events
      const step = decoding.readVarUint(decoder);
      if (step === syncProtocol.messageYjsSyncStep1) {
        const stateVector = decoding.readVarUint8Array(decoder);
        socket.send(
          frame((encoder) => {
            encoding.writeVarUint(encoder, MessageType.sync);
            syncProtocol.writeSyncStep2(encoder, doc, stateVector);
          }),
        );
        return;
      }
      observe(j, decoding.readVarUint8Array(decoder));
      if (step === syncProtocol.messageYjsSyncStep2) synced[j] = 1;
    });
    socket.on("error", () => errors++);
    socket.on("close", () => {
      if (!closing && synced[j]) errors++;
    });
    doc.on("update", (update: Uint8Array) => {
      if (socket.readyState === WebSocket.OPEN)
        socket.send(
          frame((encoder) => {
            encoding.writeVarUint(encoder, MessageType.sync);
            syncProtocol.writeUpdate(encoder, update);
          }),
        );
    });
  };

  // Connect in small waves: a thundering herd of upgrades measures the sign-in path, not collaboration.
  for (let i = 0; i < count; i += 10) {
    for (let j = i; j < Math.min(count, i + 10); j++) connect(j);
    if (!(await until(() => synced.every((flag, j) => j >= Math.min(count, i + 10) || flag === 1), 60_000)))
      throw new Error(`clients did not sync (${synced.reduce((a, b) => a + b, 0)}/${count})`);
  }
  errors = 0;
  // One row per client, created by that client, in a document that holds nothing else.
  const rowIds = docs.map((doc, i) => addRow(doc, { title: `Client ${i}` }));
  const texts = docs.map((doc, i) => getRowText(doc, rowIds[i], "notes")!);
  const converged = () => {
    for (let i = 0; i < count; i++) {
      const state = Y.getState(docs[i].store, docs[i].clientID);
      for (let j = 0; j < count; j++) if (j !== i && seen[j * count + i] !== state) return false;
    }
    return true;
  };
  if (!(await until(converged, 60_000))) throw new Error("rows did not reach every client");
  latencies.length = 0;

  return {
    size: count,
    latencies,
    errors: () => errors,
    edit(i) {
      const doc = docs[i];
      const text = texts[i];
      sendTimes[i][Y.getState(doc.store, doc.clientID)] = performance.now();
      text.insert(text.length, "x");
      // Presence as the browser words it: the server stamps who, the client says where.
      sockets[i]?.send(
        awarenessFrame(doc.clientID, ++awarenessClocks[i], { focus: { rowId: rowIds[i], field: "notes" } }),
      );
    },
    waitForConvergence: (timeoutMs) => until(converged, timeoutMs),
    destroy() {
      closing = true;
      for (const socket of sockets) socket?.terminate();
      for (const doc of docs) doc.destroy();
    },
  };
}
