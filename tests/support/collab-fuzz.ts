/**
 * Seeded fuzzing of the collaboration server (COLLAB-25): hostile sockets
 * send schema-breaking, bit-flipped, client-id-spoofing, pending and garbage
 * frames while a healthy editor keeps typing and a watcher follows. Used by
 * `npm run fuzz:collab` (thousands of frames, SQLite or PostgreSQL) and by a
 * small seeded test in the default run.
 */
import WebSocket from "ws";
import * as Y from "yjs";
import * as encoding from "lib0/encoding";
import {
  addRow,
  getRowText,
  getRowsType,
  INSTRUMENT_KEY_PATTERN,
  linkInstrument,
  META_FIELD_SCHEMA,
  readRow,
  readRows,
  ROOT_TYPE_NAMES,
  ROW_FIELD_SCHEMA,
  ROW_ID_PATTERN,
  BOARD_LIMITS,
  TEXT_FIELD_MAX,
  type TextField,
} from "../../core/board-doc";
import { MessageType } from "../../core/collab-protocol";
import { encodeSyncStep2, encodeUpdate } from "../../server/collab/frames";
import type { RemitServer } from "../../server/remit-server";
import { PrismaUpdateStore } from "../../server/db/prisma-update-store";
import { addMember, createAccount, type TestAccount } from "./accounts";
import { connectClient, waitFor, waitForSync, type TestClient } from "./collab-client";

export interface FuzzOptions {
  seed: number;
  frames: number;
  /** Hostile sockets sending in parallel. */
  attackers: number;
  /** Healthy edits made during the run. */
  healthyEdits: number;
  log?: (line: string) => void;
}

export interface FuzzReport {
  seed: number;
  framesSent: number;
  framesByKind: Record<string, number>;
  closesByCode: Record<string, number>;
  reconnects: number;
  healthyEdits: number;
  healthyDeliveredToWatcher: number;
  healthyDeliveredToLateJoiner: number;
  healthyStored: number;
  /** Healthy rows whose title another member (an attacker) later typed into: delivered, then edited. */
  healthyEditedByOthers: number;
  /** Healthy titles missing from the watcher, the late joiner or the database (to trace a loss). */
  healthyMissing: string[];
  /** For each missing title, the watcher's titles that contain it (a title changed by someone else) and whether the healthy editor's own document still has it. */
  healthyMissingTraces: { title: string; inWatcherAs: string[]; inHealthyDoc: boolean }[];
  hostileInDocument: string[];
  hostileInDatabase: string[];
  pendingInDatabase: boolean;
  poisonedRooms: number;
  processDeaths: number;
  roomWedged: boolean;
  refusalsByRule: Record<string, number>;
  durationMs: number;
}

/** mulberry32: small, fast, seedable. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Random = () => number;
const pick = <T>(random: Random, list: readonly T[]): T => list[Math.floor(random() * list.length)];

/** Updates that break the board schema, each built on a copy of the board's current state. */
const SCHEMA_BREAKERS: ((doc: Y.Doc, rowId: string, random: Random) => void)[] = [
  (doc, rowId) => getRowsType(doc).get(rowId)?.set("responsibility", "Mars"),
  (doc, rowId) => getRowsType(doc).get(rowId)?.set("lead", "EU"),
  (doc, rowId) => getRowText(doc, rowId, "title")?.insert(0, "x".repeat(20_000)),
  (doc) => (getRowsType(doc) as Y.Map<unknown>).set("rstring", "a row that is a string"),
  (doc) => (getRowsType(doc) as Y.Map<unknown>).set("rarray", new Y.Array()),
  (doc) => getRowsType(doc).set("r".repeat(200), new Y.Map()),
  (doc) => doc.getMap("meta").set("schemaVersion", -1),
  (doc, rowId) => linkInstrument(doc, rowId, ""),
  (doc, rowId) => linkInstrument(doc, rowId, "i".repeat(101)),
  (doc, rowId) => {
    let nested = new Y.Map<unknown>();
    const top = nested;
    for (let depth = 0; depth < 50; depth++) {
      const inner = new Y.Map<unknown>();
      nested.set("d", inner);
      nested = inner;
    }
    getRowsType(doc).get(rowId)?.set("nested", top);
  },
  (doc, rowId) => getRowText(doc, rowId, "notes")?.format(0, 1, { bold: true }),
  (doc) => doc.getMap("evil").set("x", 1),
  (doc, _rowId, random) => addRow(doc, { title: `hostile-${Math.floor(random() * 1e9)}`, category: "Mars" as never }),
];

/** A frame that is a sync update (type 2) or, one time in four, a sync step 2. */
function syncFrame(update: Uint8Array, random: Random): Uint8Array {
  return random() < 0.25 ? encodeSyncStep2(update) : encodeUpdate(update);
}

function awarenessFrame(clientId: number, clock: number, state: unknown): Uint8Array {
  const inner = encoding.createEncoder();
  encoding.writeVarUint(inner, 1);
  encoding.writeVarUint(inner, clientId);
  encoding.writeVarUint(inner, clock);
  encoding.writeVarString(inner, JSON.stringify(state));
  const frame = encoding.createEncoder();
  encoding.writeVarUint(frame, MessageType.awareness);
  encoding.writeVarUint8Array(frame, encoding.toUint8Array(inner));
  return encoding.toUint8Array(frame);
}

/** Everything in a document that the board schema forbids (empty list = clean). */
function schemaViolations(doc: Y.Doc): string[] {
  const problems: string[] = [];
  const allowedRoots: ReadonlySet<string> = new Set(ROOT_TYPE_NAMES);
  for (const name of doc.share.keys()) if (!allowedRoots.has(name)) problems.push(`root ${name}`);
  doc.getMap<unknown>("meta").forEach((value, key) => {
    if (!(key in META_FIELD_SCHEMA) || value !== META_FIELD_SCHEMA.schemaVersion.value) problems.push(`meta.${key}`);
  });
  (getRowsType(doc) as Y.Map<unknown>).forEach((row, rowId) => {
    if (!ROW_ID_PATTERN.test(rowId)) problems.push(`row id ${rowId.slice(0, 20)}`);
    if (!(row instanceof Y.Map)) return problems.push(`row ${rowId} is not a map`);
    (row as Y.Map<unknown>).forEach((value, key) => {
      const schema = (ROW_FIELD_SCHEMA as Record<string, { kind: string; values?: readonly string[] }>)[key];
      if (!schema) return problems.push(`row ${rowId}.${key}`);
      if (schema.kind === "enum" && !schema.values!.includes(value as string)) problems.push(`row ${rowId}.${key}`);
      if (schema.kind === "text") {
        if (!(value instanceof Y.Text)) return problems.push(`row ${rowId}.${key} not text`);
        const cap = TEXT_FIELD_MAX[key as TextField] * BOARD_LIMITS.hardTextLengthFactor;
        if (value.length > cap) problems.push(`row ${rowId}.${key} length ${value.length}`);
        if (
          value
            .toDelta()
            .some((op: { attributes?: unknown; insert: unknown }) => op.attributes || typeof op.insert !== "string")
        )
          problems.push(`row ${rowId}.${key} formatted`);
      }
      if (schema.kind === "instrument-set") {
        if (!(value instanceof Y.Map)) return problems.push(`row ${rowId}.instruments not a map`);
        (value as Y.Map<unknown>).forEach((linked, instrument) => {
          if (!INSTRUMENT_KEY_PATTERN.test(instrument) || linked !== true) problems.push(`row ${rowId} instrument`);
        });
      }
    });
    const title = row.get("title");
    if (title instanceof Y.Text && title.toString().startsWith("hostile-")) problems.push(`row ${rowId} hostile`);
  });
  return problems;
}

interface Attacker {
  socket: WebSocket | null;
  opening: Promise<void> | null;
}

export async function runCollabFuzz(server: RemitServer, options: FuzzOptions): Promise<FuzzReport> {
  const started = Date.now();
  const random = seededRandom(options.seed);
  const log = options.log ?? (() => undefined);
  let processDeaths = 0;
  const onFatal = (error: unknown) => {
    processDeaths += 1;
    log(`FATAL (would end the process): ${String(error)}`);
  };
  process.on("uncaughtException", onFatal);
  process.on("unhandledRejection", onFatal);

  const chair = await createAccount(server, "Fuzz Chair", "NATO-IS");
  const editor = await createAccount(server, "Healthy Editor", "DE");
  const boardId = (await server.access.createBoard(chair.user.id, { title: "Fuzz board", template: "starter" })).id;
  await addMember(server, chair, boardId, editor, "delegate");
  const attackerAccounts: TestAccount[] = [];
  for (let i = 0; i < options.attackers; i++) {
    const account = await createAccount(server, `Attacker ${i}`, "FR");
    await addMember(server, chair, boardId, account, "delegate");
    attackerAccounts.push(account);
  }

  const clients: TestClient[] = [];
  const healthy = connectClient(server.url, boardId, { cookie: editor.cookie });
  const watcher = connectClient(server.url, boardId, { cookie: chair.cookie });
  clients.push(healthy, watcher);
  await Promise.all([waitForSync(healthy), waitForSync(watcher)]);
  healthy.provider.awareness.setLocalState({ focus: null });

  const framesByKind: Record<string, number> = {};
  const closesByCode: Record<string, number> = {};
  let framesSent = 0;
  let reconnects = 0;
  const wsUrl = `${server.url.replace("http", "ws")}/collab/${boardId}`;

  const attackers: Attacker[] = attackerAccounts.map(() => ({ socket: null, opening: null }));
  async function socketOf(index: number): Promise<WebSocket> {
    const attacker = attackers[index];
    while (!attacker.socket || attacker.socket.readyState !== WebSocket.OPEN) {
      attacker.opening ??= new Promise<void>((resolve) => {
        reconnects += 1;
        const socket = new WebSocket(wsUrl, { headers: { Cookie: attackerAccounts[index].cookie } });
        socket.on("error", () => undefined);
        socket.on("close", (code) => {
          closesByCode[code] = (closesByCode[code] ?? 0) + 1;
          if (attacker.socket === socket) attacker.socket = null;
          resolve();
        });
        socket.on("open", () => {
          attacker.socket = socket;
          resolve();
        });
      }).finally(() => (attacker.opening = null));
      await attacker.opening;
    }
    return attacker.socket;
  }

  /** A copy of the board as the server has it, for building updates on top of it. */
  const serverCopy = async (): Promise<Y.Doc> => {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(watcher.doc));
    return doc;
  };

  async function hostileFrame(): Promise<{ kind: string; frame: Uint8Array }> {
    const roll = random();
    const rowIds = readRows(watcher.doc).map((row) => row.id);
    const rowId = pick(random, rowIds);
    if (roll < 0.3) {
      const doc = await serverCopy();
      const before = Y.encodeStateVector(doc);
      pick(random, SCHEMA_BREAKERS)(doc, rowId, random);
      return { kind: "schema", frame: syncFrame(Y.encodeStateAsUpdate(doc, before), random) };
    }
    if (roll < 0.55) {
      const doc = await serverCopy();
      const before = Y.encodeStateVector(doc);
      if (random() < 0.5) getRowText(doc, rowId, "notes")?.insert(0, `flip ${Math.floor(random() * 1e6)}`);
      else addRow(doc, { title: `flip-${Math.floor(random() * 1e9)}` }); // may survive flipping: a valid edit
      const update = Y.encodeStateAsUpdate(doc, before);
      const flipped = update.slice();
      const flips = 1 + Math.floor(random() * 3);
      for (let i = 0; i < flips; i++) flipped[Math.floor(random() * flipped.length)] ^= 1 << Math.floor(random() * 8);
      return { kind: "bit-flip", frame: syncFrame(flipped, random) };
    }
    if (roll < 0.7) {
      // Write under the healthy editor's client id, at its next clock.
      const doc = await serverCopy();
      Y.applyUpdate(doc, Y.encodeStateAsUpdate(healthy.doc));
      doc.clientID = healthy.doc.clientID;
      const before = Y.encodeStateVector(doc);
      const text = getRowText(doc, rowId, "title");
      if (text) text.insert(0, "hostile-spoof ");
      else addRow(doc, { title: "hostile-spoof" });
      return { kind: "spoof", frame: syncFrame(Y.encodeStateAsUpdate(doc, before), random) };
    }
    if (roll < 0.82) {
      // Structs depending on changes never sent.
      const doc = await serverCopy();
      addRow(doc, { title: "hostile-never-sent" });
      const gap = Y.encodeStateVector(doc);
      addRow(doc, { title: "hostile-pending" });
      return { kind: "pending", frame: syncFrame(Y.encodeStateAsUpdate(doc, gap), random) };
    }
    if (roll < 0.92) {
      const length = 1 + Math.floor(random() * 64);
      const bytes = new Uint8Array(length);
      for (let i = 0; i < length; i++) bytes[i] = Math.floor(random() * 256);
      if (random() < 0.5) bytes[0] = 0;
      return { kind: "garbage", frame: bytes };
    }
    const clientId = random() < 0.5 ? healthy.doc.clientID : Math.floor(random() * 2 ** 31);
    return {
      kind: "awareness",
      frame: awarenessFrame(clientId, Math.floor(random() * 100), { user: { name: "hostile" }, focus: null }),
    };
  }

  // The healthy editor types while the attack runs.
  const healthyTitles: string[] = [];
  /** Healthy title → the row it created: attackers are members, and may type into that row's title afterwards. */
  const healthyRows = new Map<string, string>();
  const editEvery = Math.max(1, Math.floor(options.frames / options.healthyEdits));
  for (let sent = 0; sent < options.frames;) {
    const batch = await Promise.all(
      attackers.map(async (_attacker, index) => {
        const { kind, frame } = await hostileFrame();
        const socket = await socketOf(index);
        socket.send(frame);
        framesByKind[kind] = (framesByKind[kind] ?? 0) + 1;
        return 1;
      }),
    );
    const before = sent;
    sent += batch.length;
    framesSent += batch.length;
    if (Math.floor(sent / editEvery) > Math.floor(before / editEvery) && healthyTitles.length < options.healthyEdits) {
      const title = `healthy-${healthyTitles.length}`;
      healthyTitles.push(title);
      healthyRows.set(title, addRow(healthy.doc, { title }));
    }
    if (sent % 500 < attackers.length) log(`${sent} frames sent, ${reconnects} reconnects`);
    // Let the server breathe between rounds (the point is correctness, not a flood).
    await new Promise((resolve) => setImmediate(resolve));
  }
  while (healthyTitles.length < options.healthyEdits) {
    const title = `healthy-${healthyTitles.length}`;
    healthyTitles.push(title);
    healthyRows.set(title, addRow(healthy.doc, { title }));
  }
  for (const attacker of attackers) attacker.socket?.close();

  const titlesIn = (doc: Y.Doc) => new Set(readRows(doc).map((row) => row.title));
  // Delivered: the healthy editor's row is there with its title as typed, possibly followed by text another member
  // typed into it later (a bit-flipped "notes" insert can land in a title: a member's edit, stamped as theirs).
  const has = (doc: Y.Doc, title: string) => readRow(doc, healthyRows.get(title)!)?.title.startsWith(title) === true;
  const countDelivered = (doc: Y.Doc) => healthyTitles.filter((title) => has(doc, title)).length;
  await waitFor(
    () => countDelivered(watcher.doc) === healthyTitles.length,
    "healthy edits to reach the watcher",
    120_000,
  ).catch(() => undefined);

  // A room that still relays a fresh edit is not wedged.
  const probe = addRow(healthy.doc, { title: "healthy-probe" });
  let roomWedged = false;
  await waitFor(() => readRows(watcher.doc).some((row) => row.id === probe), "probe edit", 30_000).catch(() => {
    roomWedged = true;
  });

  const room = await server.registry.loadedRoom(boardId);
  await room?.flush();
  const late = connectClient(server.url, boardId, { cookie: chair.cookie });
  clients.push(late);
  await waitForSync(late).catch(() => undefined);

  const stored = await new PrismaUpdateStore(server.prisma).load(boardId);
  const storedDoc = new Y.Doc();
  if (stored.snapshot) Y.applyUpdate(storedDoc, stored.snapshot);
  for (const entry of stored.tail) Y.applyUpdate(storedDoc, entry.data);
  const pendingInDatabase = storedDoc.store.pendingStructs !== null || storedDoc.store.pendingDs !== null;

  const missing = healthyTitles.filter((title) => ![watcher.doc, late.doc, storedDoc].every((doc) => has(doc, title)));
  const report: FuzzReport = {
    seed: options.seed,
    framesSent,
    framesByKind,
    closesByCode,
    reconnects,
    healthyEdits: healthyTitles.length,
    healthyDeliveredToWatcher: countDelivered(watcher.doc),
    healthyDeliveredToLateJoiner: countDelivered(late.doc),
    healthyStored: countDelivered(storedDoc),
    healthyEditedByOthers: healthyTitles.filter((title) => has(watcher.doc, title) && !titlesIn(watcher.doc).has(title))
      .length,
    healthyMissing: missing,
    healthyMissingTraces: missing.map((title) => ({
      title,
      inWatcherAs: readRows(watcher.doc)
        .map((row) => row.title)
        .filter((other) => other.includes(title)),
      inHealthyDoc: titlesIn(healthy.doc).has(title),
    })),
    hostileInDocument: room ? schemaViolations(room.doc) : ["room not loaded"],
    hostileInDatabase: schemaViolations(storedDoc),
    pendingInDatabase,
    poisonedRooms: server.registry.poisonedRooms,
    processDeaths,
    roomWedged,
    refusalsByRule: Object.fromEntries(server.registry.refusalsByRule),
    durationMs: Date.now() - started,
  };
  for (const client of clients) client.destroy();
  process.off("uncaughtException", onFatal);
  process.off("unhandledRejection", onFatal);
  return report;
}
