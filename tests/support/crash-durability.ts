/**
 * COLLAB-26: SIGKILL a Remit instance mid-storm and check that no acknowledged edit is lost.
 *
 * One instance runs as a child process (tests/support/instance-process.ts). Each client types numbered tokens
 * into its own row, one Yjs update frame per edit, and remembers which socket frame carried each edit. The
 * server acknowledges "frames 1..n of this socket are committed" (COLLAB-23, MessageType.ack), so an edit is
 * acknowledged once an ack covers its frame. At a seeded moment the instance is killed with SIGKILL, every
 * client is destroyed (nothing is re-sent), a new instance starts on the same database and a fresh client
 * reads the board: every acknowledged token must be there. Unacknowledged edits may or may not survive; the
 * report counts them.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import * as decoding from "lib0/decoding";
import * as Y from "yjs";
import { WebsocketProvider } from "y-websocket";
import { addRow, getRowText, readRow } from "../../core/board-doc";
import type { AckStages } from "../../server/collab/room";
import type { IntakeStages } from "../../server/collab/ws-endpoint";
import { MessageType } from "../../core/collab-protocol";
import { createAccount } from "./accounts";
import { connectClient, waitFor, waitForSync, webSocketWithHeaders } from "./collab-client";
import { seededRandom } from "./collab-fuzz";
import { startTestServer, type TestDatabase } from "./test-server";

export interface CrashOptions {
  seed: number;
  clients: number;
  editsPerClient: number;
  /**
   * Share of all the storm's edits that must be acknowledged before the kill (default 0.3): the kill waits for
   * it, so a run never passes with (almost) nothing acknowledged.
   */
  minAcknowledgedShare?: number;
  /**
   * COLLAB-41: the killed instance keeps a file up to date with where the frames not acknowledged yet are
   * (tests/support/instance-process.ts, CRASH_TRACE_FILE); the report then has `trace`, the state the kill found.
   */
  trace?: boolean;
  /** Which of several kill points of the seed's storm (default the first of one); the pauses stay the seed's. */
  killPoint?: { index: number; of: number };
  /** Extra env for the instance (e.g. COMPACT_EVERY). */
  env?: Record<string, string>;
  log?: (line: string) => void;
}

export interface CrashReport {
  seed: number;
  clients: number;
  /** Edits typed by the clients before the kill. */
  offered: number;
  /** Edits sent on a socket (the rest were typed while the socket was already closing). */
  sent: number;
  acknowledged: number;
  /** Edits the clients had seen acknowledged when the kill was sent (≥ the required share). */
  acknowledgedAtKill: number;
  /** The required share of the storm, in edits. */
  requiredAcknowledged: number;
  acknowledgedLost: number;
  /** Edits sent or typed but not acknowledged, and not in the document after the restart. */
  inFlightLost: number;
  /** Edits not acknowledged yet present after the restart (committed, ack not received before the kill). */
  inFlightSurvived: number;
  /** Edits typed when the kill was sent (the reference run is killed at the same point). */
  typedAtKill: number;
  /** Acknowledged edits missing after the restart, as "client:edit" (must be empty). */
  lostAcknowledged: string[];
  /** With `trace`: where the frames not acknowledged yet were at the kill. */
  trace?: KillTrace;
}

/**
 * Update frames (one edit each in the storm) by where they were when the instance was killed, summed over the
 * clients: the clients' side read in the turn that sends the SIGKILL, the instance's as of its last frame read or
 * acknowledgement sent.
 */
/** Where the edits were at a kill: the clients' side, then the instance's sockets and rooms. */
export interface KillTrace extends IntakeStages, AckStages {
  /** Frames the clients had sent (their current sockets). */
  clientSent: number;
  /** Bytes the clients' WebSocket still held, not yet handed to the kernel. */
  clientBufferedBytes: number;
  /** Highest frames the clients had seen acknowledged (their current sockets). */
  clientAcknowledged: number;
  /** When the instance last read a frame or sent an acknowledgement, and when the kill was sent (epoch ms). */
  writtenAt: number;
  killedAt: number;
}

/** One line per stage (client to acknowledgement) of a kill trace. */
export function describeTrace(trace: KillTrace): string {
  return [
    `sent by the clients and not read yet (in kernel buffers) ${trace.clientSent - trace.read}`,
    `(${trace.clientBufferedBytes} bytes not yet written by the clients)`,
    `read and waiting for the rate ${trace.throttled} (${trace.pausedSockets} sockets not read)`,
    `held ${trace.held}`,
    `waiting for a group commit ${trace.queued}`,
    `in a commit ${trace.committing}`,
    `committed, not acknowledged ${trace.committed}`,
    `acknowledged, not received ${trace.acknowledged - trace.clientAcknowledged}`,
    `last frame read or ack sent ${trace.killedAt - trace.writtenAt} ms before the kill`,
  ].join(", ");
}

const SYNC = 0;
const SYNC_STEP2 = 1;
const SYNC_UPDATE = 2;
const INSTANCE = fileURLToPath(new URL("./instance-process.ts", import.meta.url));

export interface Instance {
  child: ChildProcess;
  url: string;
  exited: Promise<void>;
}

/** Starts an instance process (Remit by default) that prints `READY <url>` once listening. */
export function spawnInstance(databaseUrl: string, env: Record<string, string>, script = INSTANCE): Promise<Instance> {
  const child = spawn(process.execPath, ["--import", "tsx", script], {
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      HOST: "127.0.0.1",
      PORT: "0",
      DEMO: "false",
      NODE_ENV: "test",
      MAX_SOCKETS_PER_SESSION: "1000",
      ...env,
    },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  return new Promise((resolve, reject) => {
    let output = "";
    child.stdout!.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      const ready = /READY (\S+)/.exec(output);
      if (ready) resolve({ child, url: ready[1], exited });
    });
    child.once("exit", (code) => reject(new Error(`instance exited with ${code} before it was ready`)));
  });
}

/** A client that numbers its outgoing sync step 2 / update frames as the server does, and records acks. */
export class CountingClient {
  readonly doc = new Y.Doc();
  readonly provider: WebsocketProvider;
  /** Frames sent on the current socket; sockets counts every socket opened. */
  framesSent = 0;
  private sockets = 0;
  acked = 0;
  /** Per edit: [socket, frame] that carried it, or null if it was not sent. */
  readonly carriers: ([number, number] | null)[] = [];
  /** Per edit: acknowledged? */
  readonly acknowledged: boolean[] = [];
  rowId = "";

  constructor(url: string, boardId: string, cookie: string) {
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- the socket class reports to this client
    const self = this;
    const Base = webSocketWithHeaders({ Cookie: cookie });
    class CountingSocket extends Base {
      constructor(socketUrl: string | URL, protocols?: string | string[]) {
        super(socketUrl, protocols);
        self.sockets += 1;
        self.framesSent = 0;
        self.acked = 0;
      }
      send(data: Parameters<InstanceType<typeof Base>["send"]>[0], ...rest: unknown[]): void {
        if (data instanceof Uint8Array && data[0] === SYNC && (data[1] === SYNC_STEP2 || data[1] === SYNC_UPDATE))
          self.framesSent += 1;
        (super.send as (...args: unknown[]) => void)(data, ...rest);
      }
    }
    this.provider = new WebsocketProvider(url.replace(/^http/, "ws") + "/collab", boardId, this.doc, {
      WebSocketPolyfill: CountingSocket as unknown as typeof globalThis.WebSocket,
      maxBackoffTime: 200,
      disableBc: true,
    });
    this.provider.messageHandlers[MessageType.access] = () => undefined;
    this.provider.messageHandlers[MessageType.boardEvent] = () => undefined;
    this.provider.messageHandlers[MessageType.ack] = (_encoder, decoder) => {
      const frames = decoding.readVarUint(decoder);
      this.acked = Math.max(this.acked, frames);
      this.carriers.forEach((carrier, index) => {
        if (carrier && carrier[0] === this.sockets && carrier[1] <= this.acked) this.acknowledged[index] = true;
      });
    };
  }

  /** Runs one local edit and records the frame that carried it (the provider sends it synchronously). */
  edit(change: () => void): number {
    const socket = this.sockets;
    const before = this.framesSent;
    change();
    const sent = this.sockets === socket && this.framesSent > before && this.provider.wsconnected;
    this.carriers.push(sent ? [socket, this.framesSent] : null);
    this.acknowledged.push(false);
    return this.carriers.length - 1;
  }

  /** Types the numbered token of edit `edit` of client `index` at the end of its row's notes. */
  typeToken(index: number, edit: number): void {
    this.edit(() => {
      const text = getRowText(this.doc, this.rowId, "notes")!;
      text.insert(text.length, token(index, edit));
    });
  }

  /** Edits sent on a socket and not acknowledged yet. */
  unacknowledgedSent(): number {
    return this.carriers.filter((carrier, index) => carrier !== null && !this.acknowledged[index]).length;
  }

  private destroyed = false;

  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.provider.destroy();
    this.doc.destroy();
  }
}

const DEFAULT_MIN_ACKNOWLEDGED_SHARE = 0.3;
export const token = (client: number, edit: number) => `[${client}.${edit}]`;

export async function runCrashDurability(database: TestDatabase, options: CrashOptions): Promise<CrashReport> {
  const log = options.log ?? (() => undefined);
  const env = options.env ?? {};
  const random = seededRandom(options.seed);

  // Account and board through the real services, then the set-up server goes away before the instance starts.
  const setup = await startTestServer(database, env);
  const chair = await createAccount(setup, "Chair", "NATO-IS");
  const boardId = (await setup.access.createBoard(chair.user.id, { title: "Crash", template: "empty" })).id;
  await setup.stop();

  const instances: Instance[] = [];
  const clients: CountingClient[] = [];
  const traceFile = options.trace ? join(mkdtempSync(join(tmpdir(), "remit-crash-trace-")), "trace.json") : null;
  try {
    const first = await spawnInstance(database.url, traceFile ? { ...env, CRASH_TRACE_FILE: traceFile } : env);
    instances.push(first);
    for (let index = 0; index < options.clients; index++)
      clients.push(new CountingClient(first.url, boardId, chair.cookie));
    await waitFor(() => clients.every((client) => client.provider.synced), "clients to sync");
    // Each client's row, committed before the storm (so every later edit has somewhere to land).
    const rowEdits = clients.map((client, index) =>
      client.edit(() => (client.rowId = addRow(client.doc, { title: `client ${index}` }))),
    );
    await waitFor(() => clients.every((client, index) => client.acknowledged[rowEdits[index]]), "rows committed");

    // Kill at a seeded moment, but only once a minimum share of the storm is acknowledged and while the storm
    // still runs: a kill before anything was acknowledged (or after the last edit) would pass without proving
    // anything. Should the clients still finish typing before enough is acknowledged, the run fails.
    const total = options.clients * options.editsPerClient;
    const share = options.minAcknowledgedShare ?? DEFAULT_MIN_ACKNOWLEDGED_SHARE;
    if (share >= 0.5) throw new Error("minAcknowledgedShare must stay below 0.5 (half the storm may be in flight)");
    const mustAcknowledge = Math.ceil(total * share);
    // Kill point k of n: the seed's draw shifted by k/n of the range, so n kill points spread over the storm.
    const point = options.killPoint ?? { index: 0, of: 1 };
    const killAfter = Math.floor(total * (0.3 + 0.5 * ((random() + point.index / point.of) % 1)));
    let typed = 0;
    let killed = false;
    const typedBy = clients.map(() => 0);
    const pauses = clients.map(() => 1 + Math.floor(random() * 8));
    const acknowledgedEdits = () =>
      clients.reduce((sum, client) => sum + client.acknowledged.filter(Boolean).length, 0) - clients.length;
    const stormRunning = () => typedBy.some((count) => count < options.editsPerClient);
    // Each client keeps at most half its edits unacknowledged: however slow the commits (a loaded machine), the
    // storm cannot end before the required share is acknowledged, and when that share is reached at most
    // share + 50 % of the edits are typed, so the storm is still running.
    const window = Math.max(1, Math.floor(options.editsPerClient / 2));
    let acknowledgedAtKill = 0;
    let typedAtKill = 0;
    let clientsAtKill: Pick<
      KillTrace,
      "clientSent" | "clientBufferedBytes" | "clientAcknowledged" | "killedAt"
    > | null = null;
    const kill = () => {
      if (killed) return;
      killed = true;
      acknowledgedAtKill = acknowledgedEdits();
      typedAtKill = typed;
      if (options.trace) {
        clientsAtKill = { clientSent: 0, clientBufferedBytes: 0, clientAcknowledged: 0, killedAt: Date.now() };
        for (const client of clients) {
          clientsAtKill.clientSent += client.framesSent;
          clientsAtKill.clientBufferedBytes += client.provider.ws?.bufferedAmount ?? 0;
          clientsAtKill.clientAcknowledged += client.acked;
        }
      }
      first.child.kill("SIGKILL");
      log(`SIGKILL after ${typed} of ${total} edits typed, ${acknowledgedAtKill} acknowledged`);
    };
    const killWhenDue = () => {
      if (!killed && typed >= killAfter && acknowledgedEdits() >= mustAcknowledge && stormRunning()) kill();
    };
    await Promise.all(
      clients.map(async (client, index) => {
        while (!killed && typedBy[index] < options.editsPerClient) {
          client.typeToken(index, typedBy[index]);
          typedBy[index] += 1;
          typed += 1;
          killWhenDue();
          await new Promise((resolve) => setTimeout(resolve, pauses[index]));
          await waitFor(
            () => (killWhenDue(), killed || client.unacknowledgedSent() < window),
            "acknowledgements to open the window",
          );
        }
      }),
    );
    if (!killed)
      throw new Error(
        `the storm ended (${typed} edits) with ${acknowledgedEdits()} acknowledged, fewer than the ` +
          `${mustAcknowledge} required before the kill: raise the edits per client or lower minAcknowledgedShare`,
      );
    // Nothing may be re-sent to the next instance: the clients go away with the killed one.
    for (const client of clients) client.destroy();
    await first.exited;
    const trace: KillTrace | undefined =
      clientsAtKill && traceFile
        ? { ...(clientsAtKill as object), ...JSON.parse(readFileSync(traceFile, "utf8")) }
        : undefined;

    const second = await spawnInstance(database.url, env);
    instances.push(second);
    const reader = connectClient(second.url, boardId, { cookie: chair.cookie });
    try {
      await waitForSync(reader);
      const report: CrashReport = {
        seed: options.seed,
        clients: options.clients,
        offered: 0,
        sent: 0,
        acknowledged: 0,
        acknowledgedAtKill,
        typedAtKill,
        requiredAcknowledged: mustAcknowledge,
        acknowledgedLost: 0,
        inFlightLost: 0,
        inFlightSurvived: 0,
        lostAcknowledged: [],
        trace,
      };
      clients.forEach((client, index) => {
        const notes = readRow(reader.doc, client.rowId)?.notes ?? "";
        for (let edit = 0; edit < typedBy[index]; edit++) {
          const at = edit + 1; // edit 0 of the client is its row
          const present = notes.includes(token(index, edit));
          report.offered += 1;
          if (client.carriers[at]) report.sent += 1;
          if (client.acknowledged[at]) {
            report.acknowledged += 1;
            if (!present) report.lostAcknowledged.push(`${index}:${edit}`);
          } else if (present) report.inFlightSurvived += 1;
          else report.inFlightLost += 1;
        }
      });
      report.acknowledgedLost = report.lostAcknowledged.length;
      return report;
    } finally {
      reader.destroy();
    }
  } finally {
    await stopAll(clients, instances);
    if (traceFile) rmSync(dirname(traceFile), { recursive: true, force: true });
  }
}

/** Destroys the clients (nothing more is sent) and kills the instances still running. */
export async function stopAll(clients: CountingClient[], instances: Instance[]): Promise<void> {
  for (const client of clients) client.destroy();
  for (const instance of instances) {
    instance.child.kill("SIGKILL");
    await instance.exited;
  }
}
