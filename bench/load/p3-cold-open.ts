/**
 * P3: cold open of a board of 1,000 threats whose log holds 100,000 updates (20,000 with --quick).
 *
 * Two logs of the same size. "Delegates" is the target's board: people in page sessions (each a new Yjs client,
 * as each page load is) typing words at a caret, fixing typos, setting responsibility and category, linking
 * instruments. "Random keystrokes" is the older workload: every keystroke alone at a random place, which Yjs
 * cannot merge (one item each, with both neighbours as origins): twice the state of the delegates' board for
 * the same number of updates, reported beside it so the change of workload hides nothing.
 *
 * A client is measured the way a browser opens a board (sync step 1 with an empty state vector, then applying
 * what the server sends) on a plain socket, so the time splits into the server's part (until the client holds
 * the whole answer, transfer included) and the client's own apply. The reference server, holding the same state
 * in memory, answers the same client in the same run: the floor of any server on this protocol.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as Y from "yjs";
import * as decoding from "lib0/decoding";
import WebSocket from "ws";
import {
  addRow,
  CATEGORIES,
  getRowText,
  linkInstrument,
  RESPONSIBILITIES,
  setCategory,
  setResponsibility,
  unlinkInstrument,
  type TextField,
} from "../../core/board-doc";
import type { PerfOptions, PerfRow } from "./cases";
import { startServer, type ServerHandle } from "./server-handle";

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;
const fmt = (value: number, digits = 0) => (Number.isFinite(value) ? value.toFixed(digits) : "—");
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(2)} MB`;
/** Sync step 1 with an empty state vector: a client that holds nothing of the board. */
const EMPTY_OPENING = Uint8Array.of(0, 0, 1, 0);

type Workload = "delegates" | "random keystrokes";

/** Writes updates length-prefixed into one file (the server process reads it for seeding). */
function writeUpdates(file: string, updates: Uint8Array[]): void {
  const total = updates.reduce((sum, update) => sum + 4 + update.length, 0);
  const bytes = Buffer.alloc(total);
  let offset = 0;
  for (const update of updates) {
    bytes.writeUInt32LE(update.length, offset);
    bytes.set(update, offset + 4);
    offset += 4 + update.length;
  }
  writeFileSync(file, bytes);
}

const WORDS = (
  "the of and to in on a for with by threat hybrid cyber attack critical infrastructure supply chain " +
  "disinformation campaign energy grid port undersea cable NATO EU response coordination sanctions resilience " +
  "attribution exercise early warning"
).split(" ");

/**
 * A board of `rows` threats (one update each, title and description filled), then `updates` in all.
 * "delegates": sessions of 100–500 updates, each a new Yjs client; per action a row is picked and either a phrase
 * of 1–6 words is typed one character per update at a caret (at the end of the field 60 % of the time, else at
 * a random place; 4 % of keystrokes followed by a backspace) into its title (15 %), description or notes, or its
 * responsibility (3 % of actions), category (1 %) or an instrument link (2 %) is set.
 * "random keystrokes": one client, each update one character inserted (or, 20 % once a field is past 40
 * characters, deleted) at a random place of a random row's notes (80 %) or description.
 */
function buildBoardLog(rows: number, updates: number, workload: Workload): Uint8Array[] {
  const doc = new Y.Doc();
  const log: Uint8Array[] = [];
  doc.on("update", (update: Uint8Array) => log.push(update));
  let seed = 42;
  const random = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
  const pick = <T>(values: readonly T[]): T => values[Math.floor(random() * values.length)];
  const ids: string[] = [];
  for (let i = 0; i < rows; i++)
    ids.push(addRow(doc, { title: `Threat ${i}`, description: `Description of threat ${i}` }));
  let sessionLeft = 0;
  while (log.length < updates) {
    const rowId = pick(ids);
    if (workload === "random keystrokes") {
      const text = getRowText(doc, rowId, random() < 0.8 ? "notes" : "description")!;
      if (text.length > 40 && random() < 0.2) text.delete(Math.floor(random() * (text.length - 1)), 1);
      else text.insert(Math.floor(random() * (text.length + 1)), "abcdefghij"[Math.floor(random() * 10)]);
      continue;
    }
    if (sessionLeft <= 0) {
      doc.clientID = Math.floor(random() * 0x7fffffff); // a new page load, a new Yjs client
      sessionLeft = 100 + Math.floor(random() * 400);
    }
    const before = log.length;
    const action = random();
    if (action < 0.03) setResponsibility(doc, rowId, pick(RESPONSIBILITIES));
    else if (action < 0.04) setCategory(doc, rowId, pick(CATEGORIES));
    else if (action < 0.06) {
      const instrument = `instrument-${Math.floor(random() * 40)}`;
      if (random() < 0.7) linkInstrument(doc, rowId, instrument);
      else unlinkInstrument(doc, rowId, instrument);
    } else {
      const field: TextField = random() < 0.15 ? "title" : random() < 0.5 ? "description" : "notes";
      const text = getRowText(doc, rowId, field)!;
      let caret = random() < 0.6 ? text.length : Math.floor(random() * (text.length + 1));
      const phrase = Array.from({ length: 1 + Math.floor(random() * 6) }, () => pick(WORDS)).join(" ") + " ";
      for (const char of phrase) {
        if (field === "title" && text.length >= 300) break;
        text.insert(caret++, char);
        if (random() < 0.04) text.delete(--caret, 1);
      }
    }
    sessionLeft -= log.length - before;
  }
  doc.destroy();
  return log.slice(0, updates);
}

interface Open {
  /** Connect to holding the whole state. */
  total: number;
  /** Connect to the socket open: the upgrade, its authorization (session, membership) included. */
  upgrade: number;
  /** The client's own work: applying what it was sent. */
  apply: number;
  /** total - apply: the server's part, transfer included. */
  server: number;
}

/** Opens the board as a browser does and resolves once the client's document holds every client's `expected` clock. */
function openEmpty(server: ServerHandle, boardId: string, cookie: string | undefined, expected: Map<number, number>) {
  return new Promise<Open>((resolve, reject) => {
    const started = performance.now();
    const socket = new WebSocket(`${server.url.replace(/^http/, "ws")}/collab/${boardId}`, {
      headers: { ...(cookie ? { Cookie: cookie } : {}), Origin: server.url },
    });
    const doc = new Y.Doc();
    let apply = 0;
    let upgrade = NaN;
    const fail = (why: string) => {
      socket.terminate();
      reject(new Error(`P3 (${server.kind}): ${why}`));
    };
    socket.on("open", () => {
      upgrade = performance.now() - started;
      socket.send(EMPTY_OPENING);
    });
    socket.on("error", (error) => fail(String(error)));
    socket.on("close", (code) => fail(`closed with ${code} before the client held the board`));
    socket.on("message", (data: Buffer) => {
      const decoder = decoding.createDecoder(new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
      if (decoding.readVarUint(decoder) !== 0 || decoding.readVarUint(decoder) === 0) return; // not step 2 / update
      const applying = performance.now();
      Y.applyUpdate(doc, decoding.readVarUint8Array(decoder));
      apply += performance.now() - applying;
      const state = Y.decodeStateVector(Y.encodeStateVector(doc));
      for (const [client, clock] of expected) if ((state.get(client) ?? 0) < clock) return;
      const total = performance.now() - started;
      socket.removeAllListeners("close");
      socket.terminate();
      doc.destroy();
      resolve({ total, upgrade, apply, server: total - apply });
    });
  });
}

const describe = (open: Open) =>
  `${fmt(open.total)} ms (server ${fmt(open.server)}, of which upgrade ${fmt(open.upgrade)}, + client apply ${fmt(open.apply)})`;

interface Measured {
  workload: Workload;
  stateBytes: number;
  replay: number;
  apply: number;
  crash: Open[];
  clean: Open[];
  next: Open[];
  reference: Open[];
}

async function measure(options: PerfOptions, dir: string, workload: Workload, rows: number, updates: number) {
  const log = buildBoardLog(rows, updates, workload);
  const file = join(dir, `${workload.replace(" ", "-")}.bin`);
  writeUpdates(file, log);
  const replayTimes: number[] = [];
  /** A client's own floor: applying the whole state to an empty document, in this process, no network. */
  const applyTimes: number[] = [];
  let stateBytes = 0;
  let expected = new Map<number, number>();
  for (let i = 0; i < (options.quick ? 1 : 3); i++) {
    const started = performance.now();
    const doc = new Y.Doc();
    for (const update of log) Y.applyUpdate(doc, update);
    replayTimes.push(performance.now() - started);
    const state = Y.encodeStateAsUpdate(doc);
    stateBytes = state.length;
    expected = Y.decodeStateVector(Y.encodeStateVector(doc));
    doc.destroy();
    const applyStarted = performance.now();
    Y.applyUpdate(new Y.Doc(), state);
    applyTimes.push(performance.now() - applyStarted);
  }
  const measured: Measured = {
    workload,
    stateBytes,
    replay: median(replayTimes),
    apply: median(applyTimes),
    crash: [],
    clean: [],
    next: [],
    reference: [],
  };
  options.log(
    `  ${workload}: ${updates} updates, state ${mb(stateBytes)}, raw replay ${fmt(measured.replay)} ms, ` +
      `applying the state alone ${fmt(measured.apply)} ms`,
  );
  const env = { BENCH_DATABASE_URL: `file:${join(dir, `${workload.replace(" ", "-")}.db`)}` };
  const filler = await startServer("remit", env);
  const boardId = await filler.request<string>({ type: "board", members: 2 });
  const [first, next] = await filler.request<string[]>({ type: "sessions", count: 2 });
  // The first restart finds 150 rows after the snapshot, as a crash leaves them; a clean stop (or a room's
  // unload) compacts, so every later restart finds the snapshot current.
  await filler.request({ type: "seed", boardId, file, tail: 150 });
  await filler.stop();
  const reference = await startServer("reference");
  try {
    const referenceBoard = await reference.request<string>({ type: "board", members: 0 });
    await reference.request({ type: "seed", boardId: referenceBoard, file, tail: 0 });
    const restarts = options.quick ? 3 : 5;
    for (let i = 0; i < restarts; i++) {
      const server = await startServer("remit", env);
      const cold = await openEmpty(server, boardId, first, expected);
      const warm = await openEmpty(server, boardId, next, expected);
      await server.stop();
      // Interleaved: the reference answers the same client between Remit's restarts.
      const floor = await openEmpty(reference, referenceBoard, undefined, expected);
      measured.reference.push(floor);
      (i === 0 ? measured.crash : measured.clean).push(cold);
      if (i > 0) measured.next.push(warm);
      options.log(
        `    ${i === 0 ? "after a crash (150 rows after the snapshot)" : "after a clean stop (snapshot current)"}: ` +
          `first client ${describe(cold)}, next ${describe(warm)}; reference ${describe(floor)}`,
      );
    }
  } finally {
    await reference.stop();
  }
  return measured;
}

/** The open with the median total, whole (medians of the parts taken apart would not add up). */
function medianOpen(opens: Open[]): Open {
  return [...opens].sort((a, b) => a.total - b.total)[Math.floor(opens.length / 2)];
}

function rowsOf(measured: Measured, rows: number, updates: number): PerfRow[] {
  const reference = medianOpen(measured.reference);
  const row = (what: string, cold: Open, next?: Open): PerfRow => ({
    id: "P3",
    what:
      `cold open ${what}, ${rows} threats, ${updates} updates (${measured.workload}, ${mb(measured.stateBytes)} state): ` +
      "first client to synced",
    remit: describe(cold) + (next ? `; next client ${describe(next)}` : ""),
    reference:
      `raw log replay ${fmt(measured.replay)} ms; reference server ${describe(reference)}; ` +
      `applying the state alone ${fmt(measured.apply)} ms`,
    ratio: `${fmt(measured.replay / cold.total, 1)}× faster than replay; ${fmt(cold.total / reference.total, 2)}× the reference`,
    target: "≥ 10× faster, < 150 ms",
    met: measured.replay / cold.total >= 10 && cold.total < 150,
  });
  return [
    row("after a clean stop", medianOpen(measured.clean), medianOpen(measured.next)),
    row("after a crash", measured.crash[0]),
  ];
}

export async function p3ColdOpen(options: PerfOptions): Promise<PerfRow[]> {
  const rows = 1000;
  const updates = options.quick ? 20_000 : 100_000;
  options.log(`P3: cold open of a board with ${rows} threats and a log of ${updates} updates`);
  const dir = mkdtempSync(join(tmpdir(), "remit-bench-p3-"));
  try {
    const result: PerfRow[] = [];
    for (const workload of ["delegates", "random keystrokes"] as Workload[])
      result.push(...rowsOf(await measure(options, dir, workload, rows, updates), rows, updates));
    return result;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
