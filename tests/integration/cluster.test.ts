/**
 * Three instances on one PostgreSQL database and one Redis: clients spread across them co-edit, see each
 * other's presence, access changes and board events reach sockets on every instance, silence deadlines
 * fire once, and concurrent compactions keep the document intact.
 */
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { addRow, getRowText, readRow, readRows } from "../../core/board-doc";
import { CloseCode, MessageType } from "../../core/collab-protocol";
import { addMember, createAccount, type TestAccount } from "../support/accounts";
import { connectClient, waitFor, waitForSync, type TestClient } from "../support/collab-client";
import { startCluster, type TestCluster } from "../support/cluster";
import { FakeClock } from "../support/fake-clock";

let cluster: TestCluster;
let chair: TestAccount;
let delegate: TestAccount;
let observer: TestAccount;
let boardId: string;
const clock = new FakeClock(Date.now());
const clients: TestClient[] = [];
const HOUR = 3600 * 1000;

beforeAll(async () => {
  cluster = await startCluster(3, { COMPACT_EVERY: "20" }, { clock });
  const [first] = cluster.instances;
  chair = await createAccount(first, "Chair", "NATO-IS");
  delegate = await createAccount(first, "Delegate", "NO");
  observer = await createAccount(first, "Observer", "DE");
  boardId = (await first.access.createBoard(chair.user.id, { title: "Cluster board", template: "starter" })).id;
  await addMember(first, chair, boardId, delegate, "delegate");
  await addMember(first, chair, boardId, observer, "observer");
});

afterAll(async () => {
  for (const client of clients) client.destroy();
  await cluster?.stop();
});

function connect(instance: number, account: TestAccount): TestClient {
  const client = connectClient(cluster.instances[instance].url, boardId, { cookie: account.cookie });
  clients.push(client);
  return client;
}

const rowsJson = (doc: Y.Doc) => JSON.stringify(readRows(doc));

/** The id of the board's row at `index`, as stored. */
async function storedRowId(index: number): Promise<string> {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, await cluster.instances[0].registry.readState(boardId));
  return readRows(doc)[index].id;
}

/** Whether the instance's consensus service has the row as proposed (its silence timer is armed). */
const proposedOn = (index: number, rowId: string) =>
  (cluster.instances[index].consensus as unknown as { proposed: Map<string, Set<string>> }).proposed
    .get(boardId)
    ?.has(rowId) === true;

const lockedOn = (index: number, rowId: string) => cluster.instances[index].consensus.lockedRows(boardId).has(rowId);

async function proposeUnderSilence(rowId: string): Promise<void> {
  const silenceDeadline = new Date(clock.now() + HOUR).toISOString();
  expect(
    await cluster.instances[0].consensus.propose(chair.user.id, boardId, {
      rowId,
      procedure: "silence",
      silenceDeadline,
    }),
  ).toEqual({ ok: true });
  // Every instance armed its timer (the workflow event reached them through Redis).
  await waitFor(() => [0, 1, 2].every((index) => proposedOn(index, rowId)), "proposal known on every instance");
}

/** Polls an asynchronous condition (a database query), like waitFor. */
async function waitForQuery(check: () => Promise<boolean>, what: string, timeoutMs = 60_000): Promise<void> {
  const started = Date.now();
  while (!(await check())) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe("several instances", () => {
  it("SCALE-1 clients spread over three instances converge on concurrent edits and see each other's presence", async () => {
    const spread = [connect(0, chair), connect(1, delegate), connect(2, chair)];
    await Promise.all(spread.map(waitForSync));
    // A row of its own: SCALE-5 agrees (and so locks) the board's first row, and may have run first.
    const rowId = addRow(spread[0].doc, { title: "typed by everyone" });
    await waitFor(() => spread.every((client) => readRow(client.doc, rowId) !== null), "the row on every instance");
    // Everyone types into the same field at once, and each adds a row.
    for (let i = 0; i < 15; i++)
      spread.forEach((client, index) => getRowText(client.doc, rowId, "notes")?.insert(0, String(index)));
    spread.forEach((client, index) => addRow(client.doc, { title: `row from instance ${index}` }));
    await waitFor(
      () =>
        spread.every((client) => readRows(client.doc).length === readRows(spread[0].doc).length) &&
        spread.every((client) => rowsJson(client.doc) === rowsJson(spread[0].doc)) &&
        readRow(spread[0].doc, rowId)!.notes.length >= 45,
      "convergence across instances",
    );
    expect(readRows(spread[0].doc).filter((row) => row.title.startsWith("row from instance"))).toHaveLength(3);

    spread[1].provider.awareness.setLocalStateField("focus", { rowId, field: "notes" });
    const delegateClientId = spread[1].doc.clientID;
    await waitFor(
      () =>
        [spread[0], spread[2]].every(
          (client) =>
            client.provider.awareness.getStates().get(delegateClientId)?.focus?.rowId === rowId &&
            client.provider.awareness.getStates().get(delegateClientId)?.user?.id === delegate.user.id,
        ),
      "presence on the other instances",
    );
  });

  it("SCALE-4 a role change made on one instance reaches a socket on another; a removal closes it", async () => {
    const client = connect(2, observer);
    const roles: string[] = [];
    client.provider.messageHandlers[MessageType.access] = (_encoder, decoder) => {
      const bytes = decoder.arr.subarray(decoder.pos);
      decoder.pos = decoder.arr.length;
      roles.push(new TextDecoder().decode(bytes));
    };
    await waitForSync(client);
    await waitFor(() => roles.length > 0, "initial role");
    await cluster.instances[0].access.changeRole(chair.user.id, boardId, observer.user.id, "delegate");
    await waitFor(() => roles.some((role) => role.includes('"delegate"')), "role change on instance 2");

    const closed = new Promise<number>((resolve) =>
      client.provider.ws?.addEventListener("close", (event) => resolve((event as { code: number }).code)),
    );
    await cluster.instances[1].access.removeMember(chair.user.id, boardId, observer.user.id);
    expect(await closed).toBe(CloseCode.forbidden);
  });

  it("SCALE-5 a silence deadline with three instances running fires once", async () => {
    const rowId = await storedRowId(0);
    await proposeUnderSilence(rowId);
    clock.advance(2 * HOUR);
    await waitFor(() => [0, 1, 2].every((index) => lockedOn(index, rowId)), "agreed (locked) on every instance");
    const adoptions = await cluster.instances[0].prisma.activityEntry.count({
      where: { boardId, rowId, kind: "row-agreed" },
    });
    expect(adoptions).toBe(1);
  });

  it("CONSENSUS-40 a silence adoption locks its row on no instance before its activity entry is committed", async () => {
    const rowId = await storedRowId(1);
    await proposeUnderSilence(rowId);
    // One session holds back every write to the activity log (reads pass): the adoption gets as far as its entry.
    // Another watches who waits (a transaction sees pg_stat_activity as it was at its first look).
    const [blocker, watcher] = [0, 1].map(() => new pg.Client({ connectionString: cluster.database.url }));
    await Promise.all([blocker.connect(), watcher.connect()]);
    const waiting = async (statement: string, table: string) =>
      Number(
        (
          await watcher.query(
            `SELECT count(*) AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'
               AND query ILIKE $1`,
            [`%${statement}%"${table}"%`],
          )
        ).rows[0].n,
      );
    try {
      await blocker.query("BEGIN");
      await blocker.query('LOCK TABLE "ActivityEntry" IN EXCLUSIVE MODE');
      clock.advance(2 * HOUR);
      await waitForQuery(async () => (await waiting("INSERT", "ActivityEntry")) === 1, "the adoption's entry waiting");
      expect([0, 1, 2].filter((index) => lockedOn(index, rowId))).toEqual([]);
      // The other two instances' claims wait for the first one's to commit or roll back, then match nothing.
      await waitForQuery(async () => (await waiting("UPDATE", "RowWorkflow")) === 2, "the other claims waiting");
      await blocker.query("COMMIT");
    } finally {
      await Promise.all([blocker.end(), watcher.end()]);
    }
    await waitFor(() => [0, 1, 2].every((index) => lockedOn(index, rowId)), "agreed (locked) on every instance");
    const adoptions = await cluster.instances[0].prisma.activityEntry.count({
      where: { boardId, rowId, kind: "row-agreed" },
    });
    expect(adoptions).toBe(1);
  });

  it("SCALE-3 two instances compacting the same board at once leave the document intact", async () => {
    const writers = [connect(0, chair), connect(1, delegate)];
    await Promise.all(writers.map(waitForSync));
    const titles: string[] = [];
    for (let i = 0; i < 30; i++) {
      const title = `compaction ${i}`;
      titles.push(title);
      addRow(writers[i % 2].doc, { title });
    }
    await waitFor(() => rowsJson(writers[0].doc) === rowsJson(writers[1].doc), "convergence");
    const rooms = await Promise.all([0, 1].map((index) => cluster.instances[index].registry.loadedRoom(boardId)));
    await Promise.all(rooms.map((room) => room!.flush()));
    const stored = await new (await import("../../server/db/prisma-update-store")).PrismaUpdateStore(
      cluster.instances[2].prisma,
    ).load(boardId);
    const doc = new Y.Doc();
    if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot);
    for (const entry of stored.tail) Y.applyUpdate(doc, entry.data);
    const storedTitles = new Set(readRows(doc).map((row) => row.title));
    expect(titles.filter((title) => !storedTitles.has(title))).toEqual([]);
    expect(rowsJson(doc)).toBe(rowsJson(writers[0].doc));
  });
});
