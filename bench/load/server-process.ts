/**
 * One server under test, in its own process (the load generator runs in the
 * parent, pinned to another core). `remit` starts the real Remit server on
 * SQLite or PostgreSQL; `reference` starts @y/websocket-server 0.1.1 (in
 * memory). The parent drives it over IPC: set-up (accounts, sessions, boards),
 * probes (CPU, memory, queue depth) and checks (what is stored).
 *
 *   node --import tsx bench/load/server-process.ts remit|reference
 *   env: BENCH_DATABASE_URL (remit), BENCH_UNLOAD_DELAY_MS, BENCH_MAX_FRAMES_PER_SECOND, BENCH_MAX_SOCKETS_PER_SESSION,
 *        BENCH_RELAY (reference: P4's bare relay)
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { readFileSync, writeFileSync } from "node:fs";
import { Session } from "node:inspector/promises";
import { monitorEventLoopDelay, performance } from "node:perf_hooks";
import * as Y from "yjs";
import { WebSocketServer } from "ws";
import { SESSION_COOKIE } from "../../core/cookies";
import { addRow, getRowText, listRowIds } from "../../core/board-doc";
import { loadConfig } from "../../server/config";
import { startRemitServer, type RemitServer } from "../../server/remit-server";
import type { CollabConnection } from "../../server/collab/connection";
import type { BenchRequest, BenchResponse, Probe } from "./protocol";
import { rawApplyEncodePerCpuSecond } from "./p4-workload";

const kind = process.argv[2];
if (kind !== "remit" && kind !== "reference") throw new Error("usage: server-process.ts remit|reference");

const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);
const cookies: string[] = [];
const userIds: string[] = [];
let remit: RemitServer | null = null;
let url = "";
let referenceDocs: Map<string, unknown> | null = null;
/** The reference's document of a name (created on first use), to seed P3's board into it. */
let referenceDoc: ((name: string) => Y.Doc) | null = null;
/** A CPU profile of a chosen window (bench:profile), not of start-up and set-up. */
let profiler: Session | null = null;

async function startReference(): Promise<string> {
  const utils = (await import("@y/websocket-server/utils")) as unknown as {
    setupWSConnection: (ws: unknown, req: unknown, options: { docName: string }) => void;
    docs: Map<string, unknown>;
    getYDoc: (name: string) => Y.Doc;
  };
  referenceDocs = utils.docs;
  referenceDoc = utils.getYDoc;
  const wss = new WebSocketServer({ noServer: true });
  const server: Server = createServer((_request, response) => response.end("ok"));
  server.on("upgrade", (request, socket, head) =>
    wss.handleUpgrade(request, socket, head, (ws) =>
      utils.setupWSConnection(ws, request, { docName: (request.url ?? "/").split("/").pop() ?? "bench" }),
    ),
  );
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/**
 * P4's floor (BENCH_RELAY=1 with `reference`): a bare y-websocket-compatible relay with no document. It answers
 * sync step 1 with an empty sync step 2 and forwards every other frame to the board's other sockets, as the
 * reference forwards updates: the socket work any server on this protocol does per update, without Yjs.
 */
async function startRelay(): Promise<string> {
  const boards = new Map<string, Set<import("ws").WebSocket>>();
  const emptyStep2 = Uint8Array.of(0, 1, 2, 0, 0);
  const wss = new WebSocketServer({ noServer: true });
  const server: Server = createServer((_request, response) => response.end("ok"));
  server.on("upgrade", (request, socket, head) =>
    wss.handleUpgrade(request, socket, head, (ws) => {
      const name = request.url ?? "/";
      const peers = boards.get(name) ?? new Set();
      boards.set(name, peers.add(ws));
      ws.on("close", () => peers.delete(ws));
      ws.on("message", (data: Buffer) => {
        if (data[0] === 0 && data[1] === 0) return ws.send(emptyStep2);
        for (const peer of peers) if (peer !== ws) peer.send(data);
      });
    }),
  );
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

async function startRemit(): Promise<string> {
  const config = loadConfig({
    DATABASE_URL: process.env.BENCH_DATABASE_URL,
    HOST: "127.0.0.1",
    PORT: "0",
    DEMO: "false",
    // P4 measures the server's throughput, not COLLAB-21's per-socket admission (the reference has none).
    MAX_FRAMES_PER_SECOND: process.env.BENCH_MAX_FRAMES_PER_SECOND,
    // The soak's clients share a few sign-in sessions, one socket per board each (COLLAB-21 caps that at 20).
    MAX_SOCKETS_PER_SESSION: process.env.BENCH_MAX_SOCKETS_PER_SESSION,
    // The soak's compaction cadence (SOAK_COMPACT_EVERY), to measure what compaction costs the latency tail.
    COMPACT_EVERY: process.env.BENCH_COMPACT_EVERY,
  });
  remit = await startRemitServer({
    config,
    unloadDelayMs: Number(process.env.BENCH_UNLOAD_DELAY_MS ?? 5000),
    log: (message, error) => {
      if (error) console.error(`[remit-bench] ${message}`, error);
    },
  });
  return remit.url;
}

/** Accounts with real sessions (argon2 hash + sign-in), made once and reused by every case. */
async function ensureSessions(count: number): Promise<string[]> {
  const server = remit!;
  while (cookies.length < count) {
    const batch = Array.from({ length: Math.min(4, count - cookies.length) }, (_, i) => cookies.length + i);
    const made = await Promise.all(
      batch.map(async (n) => {
        const email = `bench.${n}.${process.pid}@bench.remit`;
        const password = "correct horse battery";
        await server.auth.createAccount({ email, password, displayName: `Bench ${n}`, delegationCode: "DE" });
        const signIn = await server.auth.signIn({ email, password }, `10.0.${n >> 8}.${n & 255}`);
        if (!signIn.ok) throw new Error(`sign-in failed for ${email}`);
        return { cookie: `${SESSION_COOKIE}=${signIn.sessionToken}`, userId: signIn.user.id };
      }),
    );
    for (const { cookie, userId } of made) {
      cookies.push(cookie);
      userIds.push(userId);
    }
  }
  return cookies.slice(0, count);
}

let boardCounter = 0;
async function createBoard(members: number): Promise<string> {
  if (!remit) return `bench-${process.pid}-${++boardCounter}`;
  await ensureSessions(Math.max(members, 1));
  const board = await remit.access.createBoard(userIds[0], { title: `Bench ${++boardCounter}`, template: "empty" });
  for (const email of userIds.slice(1, members).map((_, i) => `bench.${i + 1}.${process.pid}@bench.remit`)) {
    const added = await remit.access.addMemberByEmail(userIds[0], board.id, email, "delegate");
    if (!added.ok) throw new Error(`add member: ${JSON.stringify(added.fieldErrors)}`);
  }
  return board.id;
}

/** What the database holds for a board, read back through the store (not the live room). */
async function storedTextLengths(boardId: string): Promise<Record<string, number>> {
  const stored = await remit!.store.load(boardId);
  const doc = new Y.Doc();
  if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot);
  for (const entry of stored.tail) Y.applyUpdate(doc, entry.data);
  return Object.fromEntries(listRowIds(doc).map((rowId) => [rowId, getRowText(doc, rowId, "notes")?.length ?? 0]));
}

function replay(doc: Y.Doc, updates: Uint8Array[]): Y.Doc {
  Y.transact(doc, () => updates.forEach((update) => Y.applyUpdate(doc, update)));
  return doc;
}

/**
 * P3 set-up: stores a board as Remit's own persister leaves it after `updates`
 * edits (a snapshot covering all but the last `tail`, then the tail as rows).
 */
async function seedBoard(boardId: string, file: string, tail: number): Promise<void> {
  const updates = readUpdates(file);
  // The reference keeps documents in memory only: it holds the whole board, as a loaded room would.
  // (Replayed, not merged: Y.mergeUpdates of 100,000 updates from a hundred clients takes minutes.)
  if (!remit) return void replay(referenceDoc!(boardId), updates);
  const store = remit!.store;
  const doc = replay(new Y.Doc(), updates.slice(0, updates.length - tail));
  const head = Y.encodeStateAsUpdate(doc);
  const id = await store.append(boardId, head, { authorId: null });
  await store.compact(boardId, head, id);
  for (const update of updates.slice(updates.length - tail)) await store.append(boardId, update, { authorId: null });
}

export function readUpdates(file: string): Uint8Array[] {
  const bytes = readFileSync(file);
  const updates: Uint8Array[] = [];
  for (let offset = 0; offset < bytes.length;) {
    const length = bytes.readUInt32LE(offset);
    updates.push(new Uint8Array(bytes.buffer, bytes.byteOffset + offset + 4, length));
    offset += 4 + length;
  }
  return updates;
}

/**
 * P5: heap and ArrayBuffers of `count` loaded, idle rooms (one quiet connection each) beyond
 * those of their documents alone (the same state in plain Y.Docs).
 */
async function roomOverhead(
  count: number,
  rowsPerBoard: number,
): Promise<{ perRoomBytes: number; perDocBytes: number }> {
  const server = remit!;
  const boards: string[] = [];
  const source = new Y.Doc();
  for (let i = 0; i < rowsPerBoard; i++) addRow(source, { title: `Threat ${i}`, notes: "n".repeat(40) });
  const state = Y.encodeStateAsUpdate(source);
  for (let i = 0; i < count; i++) {
    const boardId = await createBoard(1);
    const id = await server.store.append(boardId, state, { authorId: null });
    await server.store.compact(boardId, state, id);
    boards.push(boardId);
  }
  const quiet = (n: number): CollabConnection => ({
    id: `idle-${n}`,
    user: { id: `idle-${n}`, name: "Idle", delegation: "DE", color: "#000000" },
    actor: null,
    canWrite: () => false,
    send: () => undefined,
    close: () => undefined,
  });
  // The V8 heap and ArrayBuffer contents (off the heap: an encoded state a room keeps is one). Collected over a few
  // turns of the event loop: buffers are freed by a sweeper after the collection, and weakly held objects are
  // kept until the turn that made them ends.
  const heap = async () => {
    for (let round = 0; round < 4; round++) {
      await new Promise((resolve) => setImmediate(resolve));
      gc();
    }
    const { heapUsed, arrayBuffers } = process.memoryUsage();
    return heapUsed + arrayBuffers;
  };
  const before = await heap();
  const joined = [];
  for (let i = 0; i < count; i++) {
    const connection = quiet(i);
    joined.push({ room: await server.registry.join(boards[i], connection), connection });
  }
  const withRooms = await heap();
  const docs: Y.Doc[] = [];
  const beforeDocs = await heap();
  for (let i = 0; i < count; i++) {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, state);
    docs.push(doc);
  }
  const withDocs = await heap();
  const perRoomBytes = (withRooms - before) / count;
  const perDocBytes = (withDocs - beforeDocs) / count;
  for (const { room, connection } of joined) server.registry.leave(room, connection);
  docs.length = 0;
  return { perRoomBytes, perDocBytes };
}

/** Linux's high-water mark of this process's RSS (VmHWM), 0 elsewhere. */
function peakRssSinceReset(): number {
  try {
    const line = readFileSync("/proc/self/status", "utf8").match(/^VmHWM:\s+(\d+) kB/m);
    return line ? Number(line[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

/** Writing 5 to clear_refs resets VmHWM to the current RSS (Linux). */
function resetPeakRss(): void {
  try {
    writeFileSync("/proc/self/clear_refs", "5");
  } catch {
    // Not Linux: peakRss stays 0.
  }
}

const loopDelay = monitorEventLoopDelay({ resolution: 10 });
loopDelay.enable();

async function handle(request: BenchRequest): Promise<unknown> {
  switch (request.type) {
    case "sessions":
      return remit ? ensureSessions(request.count) : [];
    case "board":
      return createBoard(request.members);
    case "probe": {
      const cpu = process.cpuUsage();
      const memory = process.memoryUsage();
      if (request.gc) gc();
      const after = request.gc ? process.memoryUsage() : memory;
      const peakRss = peakRssSinceReset();
      if (request.resetPeak) resetPeakRss();
      const probe: Probe = {
        cpuMicros: cpu.user + cpu.system,
        rss: after.rss,
        heapUsed: after.heapUsed,
        heapTotal: after.heapTotal,
        external: after.external,
        peakRss,
        loadedRooms: remit ? remit.registry.loadedBoardIds.length : (referenceDocs?.size ?? 0),
        eventLoop: (({ active, idle }) => ({ active, idle }))(performance.eventLoopUtilization()),
        loopDelay: {
          p50: loopDelay.percentile(50) / 1e6,
          p99: loopDelay.percentile(99) / 1e6,
          max: loopDelay.max / 1e6,
        },
      };
      loopDelay.reset();
      return probe;
    }
    case "queue": {
      const room = await remit?.registry.loadedRoom(request.boardId);
      return room?.pendingWrites ?? 0;
    }
    case "flush":
      await (await remit?.registry.loadedRoom(request.boardId))?.flush();
      return null;
    case "stored":
      return storedTextLengths(request.boardId);
    case "seed":
      await seedBoard(request.boardId, request.file, request.tail);
      return null;
    case "room-overhead":
      return roomOverhead(request.count, request.rows);
    case "raw-yjs":
      return rawApplyEncodePerCpuSecond(request.writers, request.each);
    case "profile-start":
      profiler ??= new Session();
      profiler.connect();
      await profiler.post("Profiler.enable");
      await profiler.post("Profiler.start");
      return null;
    case "profile-stop": {
      const { profile } = await profiler!.post("Profiler.stop");
      writeFileSync(request.file, JSON.stringify(profile));
      profiler!.disconnect();
      return null;
    }
    case "stop":
      await remit?.stop();
      setImmediate(() => process.exit(0));
      return null;
  }
}

process.on("message", (message: BenchRequest & { id: number }) => {
  handle(message).then(
    (result) => process.send!({ id: message.id, ok: true, result } satisfies BenchResponse),
    (error: unknown) => process.send!({ id: message.id, ok: false, error: String(error) } satisfies BenchResponse),
  );
});

url = kind === "remit" ? await startRemit() : process.env.BENCH_RELAY ? await startRelay() : await startReference();
process.send!({ id: 0, ok: true, result: { url } } satisfies BenchResponse);
