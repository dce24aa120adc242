/**
 * The reference run of `npm run crash:collab -- --reference` (COLLAB-32): the same seeded storm as
 * runCrashDurability (same clients, same rows, the same per-client pauses drawn from the same seed) against
 * @y/websocket-server persisting to LevelDB, killed with SIGKILL at the same point as Remit, then restarted on the
 * same LevelDB directory. The reference acknowledges nothing; what comes closest is the echo of a client's own
 * update (it relays every update to every socket, the sender's included, once it applied it and handed it to
 * LevelDB). So an edit counts as "echoed" once an update from the server reaches its clock, and each client keeps at
 * most half its edits unechoed (Remit's clients: unacknowledged). The kill is sent at the same point of the storm
 * as Remit's: once as many edits are typed (the same offered work; how many each server had echoed or
 * acknowledged by then is what differs, and is reported). Every edit the reference loses was in flight in Remit's
 * terms: its loss is what Remit's in-flight loss is compared with.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import * as decoding from "lib0/decoding";
import * as Y from "yjs";
import { addRow, readRow, readRows } from "../../core/board-doc";
import { connectClient, waitFor, waitForSync } from "./collab-client";
import { seededRandom } from "./collab-fuzz";
import { CountingClient, spawnInstance, stopAll, token, type Instance } from "./crash-durability";

const REFERENCE = fileURLToPath(new URL("../../bench/load/reference-server.mjs", import.meta.url));

export interface ReferenceCrashOptions {
  seed: number;
  clients: number;
  editsPerClient: number;
  /** Kill once this many edits are typed (Remit's `typedAtKill` for the same seed and kill point). */
  killAtTyped: number;
  log?: (line: string) => void;
}

export interface ReferenceCrashReport {
  /** Edits typed before the kill. */
  offered: number;
  sent: number;
  /** Edits echoed by the server when the kill was sent. */
  echoedAtKill: number;
  /** Typed edits not in the document after the restart (all of them were in flight: nothing is acknowledged). */
  lost: number;
  /** Of those, edits the server had echoed (applied and handed to LevelDB) before the kill. */
  echoedLost: number;
}

/** Highest clock of `client` that an incoming sync message carries (0 if none), read without consuming it. */
function clockIn(decoder: decoding.Decoder, client: number): number {
  const peek = decoding.clone(decoder);
  const kind = decoding.readVarUint(peek);
  if (kind !== 1 && kind !== 2) return 0;
  return Y.parseUpdateMeta(decoding.readVarUint8Array(peek)).to.get(client) ?? 0;
}

export async function runReferenceCrash(options: ReferenceCrashOptions): Promise<ReferenceCrashReport> {
  const log = options.log ?? (() => undefined);
  const random = seededRandom(options.seed);
  random(); // runCrashDurability draws its own kill point first: the pauses below are the same as in its run
  const pauses = Array.from({ length: options.clients }, () => 1 + Math.floor(random() * 8));
  const directory = mkdtempSync(join(tmpdir(), "remit-crash-leveldb-"));
  const env = { YPERSISTENCE: directory };
  const instances: Instance[] = [];
  const clients: CountingClient[] = [];
  const boardId = `crash-${options.seed}`;
  try {
    const first = await spawnInstance("", env, REFERENCE);
    instances.push(first);
    for (let index = 0; index < options.clients; index++) clients.push(new CountingClient(first.url, boardId, ""));
    // Per client: the clock its own updates reached in what the server sent back, and each edit's end clock.
    const echoed = clients.map(() => 0);
    const endClocks: number[][] = clients.map(() => []);
    clients.forEach((client, index) => {
      const sync = client.provider.messageHandlers[0];
      client.provider.messageHandlers[0] = (encoder, decoder, provider, emitSynced, type) => {
        echoed[index] = Math.max(echoed[index], clockIn(decoder, client.doc.clientID));
        sync(encoder, decoder, provider, emitSynced, type);
      };
    });
    const isEchoed = (index: number, edit: number) => endClocks[index][edit] <= echoed[index];
    await waitFor(() => clients.every((client) => client.provider.synced), "reference clients to sync");
    clients.forEach((client, index) =>
      client.edit(() => (client.rowId = addRow(client.doc, { title: `client ${index}` }))),
    );
    // No acknowledgements: the rows are in once every client sees every row (the server relayed them all).
    await waitFor(() => clients.every((client) => readRows(client.doc).length === options.clients), "rows relayed");

    let typed = 0;
    let killed = false;
    let echoedAtKill = 0;
    const echoedAtKillBy: number[] = [];
    const typedBy = clients.map(() => 0);
    const echoedEdits = () =>
      typedBy.reduce(
        (sum, count, index) => sum + endClocks[index].filter((_, edit) => isEchoed(index, edit)).length,
        0,
      );
    const window = Math.max(1, Math.floor(options.editsPerClient / 2));
    const kill = () => {
      if (killed || typed < options.killAtTyped) return;
      killed = true;
      echoedAtKill = echoedEdits();
      echoedAtKillBy.push(...echoed);
      first.child.kill("SIGKILL");
      log(`reference SIGKILL after ${typed} edits typed, ${echoedAtKill} echoed`);
    };
    await Promise.all(
      clients.map(async (client, index) => {
        while (!killed && typedBy[index] < options.editsPerClient) {
          client.typeToken(index, typedBy[index]);
          endClocks[index].push(Y.getState(client.doc.store, client.doc.clientID));
          typedBy[index] += 1;
          typed += 1;
          kill();
          await new Promise((resolve) => setTimeout(resolve, pauses[index]));
          await waitFor(
            () => (kill(), killed || endClocks[index].filter((_, at) => !isEchoed(index, at)).length < window),
            "echoes to open the window",
          );
        }
      }),
    );
    if (!killed) throw new Error(`the reference storm ended (${typed} edits) before ${options.killAtTyped} were typed`);
    for (const client of clients) client.destroy();
    await first.exited;

    const second = await spawnInstance("", env, REFERENCE);
    instances.push(second);
    const reader = connectClient(second.url, boardId);
    try {
      await waitForSync(reader);
      // The reference answers sync before LevelDB's state is in; it arrives as one update afterwards.
      await waitFor(() => readRows(reader.doc).length === options.clients, "the stored board", 30_000).catch(() =>
        log("reference: not every row came back"),
      );
      const report: ReferenceCrashReport = { offered: 0, sent: 0, echoedAtKill, lost: 0, echoedLost: 0 };
      clients.forEach((client, index) => {
        const notes = readRow(reader.doc, client.rowId)?.notes ?? "";
        for (let edit = 0; edit < typedBy[index]; edit++) {
          report.offered += 1;
          if (client.carriers[edit + 1]) report.sent += 1;
          if (notes.includes(token(index, edit))) continue;
          report.lost += 1;
          if (edit < endClocks[index].length && endClocks[index][edit] <= echoedAtKillBy[index]) report.echoedLost += 1;
        }
      });
      return report;
    } finally {
      reader.destroy();
    }
  } finally {
    await stopAll(clients, instances);
    rmSync(directory, { recursive: true, force: true });
  }
}
