/**
 * VersionServices (server.versions) against the real server: real database,
 * real collaboration socket, and row workflow and positions made through the
 * real consensus service. The clock is injected for silence deadlines.
 */
import * as decoding from "lib0/decoding";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { addRow, linkInstrument, setResponsibility, type NewRowInput } from "../../core/board-doc";
import { MessageType } from "../../core/collab-protocol";
import { MatrixSnapshotSchema } from "../../core/matrix-snapshot";
import type { VersionServices } from "../../core/version-contract";
import { fingerprintSnapshot } from "../../server/export/index";
import type { TestAccount } from "../support/accounts";
import { givenBoard } from "../support/given-board";
import { boardJsonOfState, editBoard } from "../support/board-editing";
import { connectClient, waitFor, waitForSync, type TestClient } from "../support/collab-client";
import { FakeClock } from "../support/fake-clock";
import { givenTestServer } from "../support/given-server";

const remit = givenTestServer({ options: () => ({ clock: (clock = new FakeClock()) }), per: "test" });
let clock: FakeClock;
let chair: TestAccount;
let delegate: TestAccount;
let observer: TestAccount;
let stranger: TestAccount;
let boardId: string;
let versions: VersionServices;
let rowIds: string[];
const clients: TestClient[] = [];
const HOUR = 3600_000;

const ROWS: NewRowInput[] = [
  { title: "Cyber attack on grid", responsibility: "NATO", category: "infrastructure" },
  { title: "Disinformation", responsibility: "EU", category: "information" },
  { title: "Undersea cables", responsibility: "Shared", lead: "Joint", category: "infrastructure" },
];

/** Proposes the rows under silence procedure and lets the deadline pass with no objection. */
async function agreeBySilence(...ids: string[]) {
  const silenceDeadline = new Date(clock.now() + 24 * HOUR).toISOString();
  for (const rowId of ids)
    expect(
      await remit.server.consensus.propose(chair.user.id, boardId, { rowId, procedure: "silence", silenceDeadline }),
    ).toEqual({ ok: true });
  clock.advance(25 * HOUR);
  await waitFor(
    () => ids.every((rowId) => remit.server.consensus.lockedRows(boardId).has(rowId)),
    "agreement at the silence deadline",
  );
}

/** Both participating delegations support the row and the chair declares it agreed. */
async function agreeByConsensus(rowId: string) {
  for (const account of [chair, delegate])
    expect(
      await remit.server.consensus.recordPosition(account.user.id, boardId, { rowId, position: "support" }),
    ).toEqual({
      ok: true,
    });
  expect(await remit.server.consensus.propose(chair.user.id, boardId, { rowId, procedure: "consensus" })).toEqual({
    ok: true,
  });
  expect(await remit.server.consensus.declareAgreed(chair.user.id, boardId, rowId)).toEqual({ ok: true });
}

/** Board events (kinds) a member's open board receives from now on. */
async function watchBoardEvents(account: TestAccount) {
  const client = connectClient(remit.server.url, boardId, { cookie: account.cookie });
  clients.push(client);
  const kinds: string[] = [];
  client.provider.messageHandlers[MessageType.boardEvent] = (_encoder, decoder: decoding.Decoder) => {
    kinds.push((JSON.parse(decoding.readVarString(decoder)) as { kind: string }).kind);
  };
  await waitForSync(client);
  return kinds;
}

beforeEach(async () => {
  versions = remit.server.versions;
  const given = await givenBoard(remit.server, {
    title: "Łódź working group",
    chair: ["Chair", "PL"],
    members: { delegate: ["Mette", "DK", "delegate"], observer: ["Observer", "SE", "observer"] },
    strangers: { stranger: ["Stranger", "IT"] },
  });
  ({ boardId, chair } = given);
  ({ delegate, observer } = given.members);
  stranger = given.strangers.stranger;
  const [instrument] = await remit.server.services.listInstruments(boardId);
  rowIds = await editBoard(remit.server, chair, boardId, (doc) => {
    const ids = ROWS.map((row) => addRow(doc, row));
    linkInstrument(doc, ids[0], instrument.id);
    return ids;
  });
});

afterEach(async () => {
  for (const client of clients.splice(0)) client.destroy();
});

describe("publishing", () => {
  it("VERSION-1 'agreed' publishes only agreed rows, with positions, participants' names and the linked instruments", async () => {
    const recordedAt = new Date(clock.now()).toISOString();
    expect(
      await remit.server.consensus.recordPosition(chair.user.id, boardId, { rowId: rowIds[0], position: "support" }),
    ).toEqual({ ok: true });
    expect(
      await remit.server.consensus.recordPosition(delegate.user.id, boardId, {
        rowId: rowIds[0],
        position: "reserve",
        text: "Pending capital",
      }),
    ).toEqual({ ok: true });
    await agreeBySilence(rowIds[0]);
    expect(
      await remit.server.consensus.propose(chair.user.id, boardId, { rowId: rowIds[1], procedure: "consensus" }),
    ).toEqual({ ok: true });
    const events = await watchBoardEvents(observer);
    const result = await versions.publishVersion(chair.user.id, boardId, { title: "Spring plenary", scope: "agreed" });
    expect(result).toMatchObject({
      ok: true,
      version: {
        number: 1,
        title: "Spring plenary",
        procedure: "silence",
        rowCount: 1,
        publishedByName: "Chair",
        publishedByDelegation: "PL",
      },
    });
    const detail = await versions.getVersion(chair.user.id, boardId, 1);
    expect(detail?.intact).toBe(true);
    const snapshot = detail!.snapshot;
    expect(snapshot.version).toMatchObject({
      number: 1,
      title: "Spring plenary",
      procedure: "silence",
      publishedBy: { name: "Chair", delegation: "PL" },
    });
    expect(snapshot.delegationsPresent).toEqual(["Denmark", "Poland"]);
    expect(snapshot.rows.map((row) => row.title)).toEqual(["Cyber attack on grid"]);
    expect(snapshot.rows[0].workflowState).toBe("agreed");
    expect(snapshot.rows[0].positions).toEqual([
      {
        delegation: "DK",
        delegationName: "Denmark",
        position: "reserve",
        text: "Pending capital",
        recordedBy: "Mette",
        recordedAt,
      },
      { delegation: "PL", delegationName: "Poland", position: "support", text: null, recordedBy: "Chair", recordedAt },
    ]);
    expect(snapshot.instruments.map((i) => i.id)).toEqual(snapshot.rows[0].instrumentIds);
    expect(detail!.summary.fingerprint).toBe(fingerprintSnapshot(snapshot));
    await waitFor(() => events.length > 0, "the versions event");
    expect(events).toEqual(["versions"]);
  });

  it("VERSION-2 the procedure is the agreed rows' common one, else consensus; 'none' once a published row is not agreed", async () => {
    await agreeBySilence(rowIds[0]);
    const silence = await versions.publishVersion(chair.user.id, boardId, { title: "Silence only", scope: "agreed" });
    await agreeByConsensus(rowIds[1]);
    const mixed = await versions.publishVersion(chair.user.id, boardId, { title: "Mixed", scope: "agreed" });
    const all = await versions.publishVersion(chair.user.id, boardId, { title: "Everything", scope: "all" });
    expect(silence).toMatchObject({ ok: true, version: { number: 1, procedure: "silence", rowCount: 1 } });
    expect(mixed).toMatchObject({ ok: true, version: { number: 2, procedure: "consensus", rowCount: 2 } });
    expect(all).toMatchObject({ ok: true, version: { number: 3, procedure: "none", rowCount: 3 } });
  });

  it("VERSION-3 refuses to publish zero rows, with the reason", async () => {
    expect(
      await remit.server.consensus.propose(chair.user.id, boardId, { rowId: rowIds[0], procedure: "consensus" }),
    ).toEqual({ ok: true });
    expect(await versions.publishVersion(chair.user.id, boardId, { title: "Nothing agreed", scope: "agreed" })).toEqual(
      { ok: false, problem: "no-agreed-rows" },
    );
    const empty = (await remit.server.access.createBoard(chair.user.id, { title: "Empty", template: "empty" })).id;
    expect(await versions.publishVersion(chair.user.id, empty, { title: "Empty", scope: "all" })).toEqual({
      ok: false,
      problem: "no-rows",
    });
    expect(await versions.listVersions(chair.user.id, boardId)).toEqual([]);
  });

  it("VERSION-4 concurrent publications get distinct consecutive numbers", async () => {
    const results = await Promise.all(
      [1, 2, 3].map((n) => versions.publishVersion(chair.user.id, boardId, { title: `T${n}`, scope: "all" })),
    );
    expect(results.map((r) => (r.ok ? r.version.number : 0)).sort()).toEqual([1, 2, 3]);
    expect((await versions.listVersions(chair.user.id, boardId)).map((v) => v.number)).toEqual([3, 2, 1]);
  });

  it("VERSION-5 stores the Yjs state the version was made from", async () => {
    await versions.publishVersion(chair.user.id, boardId, { title: "v1", scope: "all" });
    const record = await remit.server.prisma.publishedVersion.findFirstOrThrow({
      where: { boardId },
      select: { yjsState: true, snapshotJson: true },
    });
    const rows = boardJsonOfState(record.yjsState).rows;
    expect(rows.map((row) => row.title)).toEqual(ROWS.map((row) => row.title));
    expect(MatrixSnapshotSchema.parse(JSON.parse(record.snapshotJson)).rows.map((row) => row.id)).toEqual(
      rows.map((row) => row.id),
    );
  });
});

describe("access and immutability", () => {
  it("VERSION-6 observers cannot publish (403); non-members get 404 everywhere", async () => {
    await expect(
      versions.publishVersion(observer.user.id, boardId, { title: "x", scope: "all" }),
    ).rejects.toMatchObject({ name: "AccessDenied", status: 403 });
    await versions.publishVersion(chair.user.id, boardId, { title: "v1", scope: "all" });
    expect(await versions.listVersions(observer.user.id, boardId)).toHaveLength(1);
    for (const call of [
      () => versions.publishVersion(stranger.user.id, boardId, { title: "x", scope: "all" }),
      () => versions.listVersions(stranger.user.id, boardId),
      () => versions.getVersion(stranger.user.id, boardId, 1),
      () => versions.buildLiveSnapshot(stranger.user.id, boardId),
      () => versions.diff(stranger.user.id, boardId, 1, "live"),
    ]) {
      await expect(call()).rejects.toMatchObject({ name: "AccessDenied", status: 404 });
    }
  });

  it("VERSION-7 the database refuses to update or delete a published version", async () => {
    await versions.publishVersion(chair.user.id, boardId, { title: "v1", scope: "all" });
    const where = { boardId_number: { boardId, number: 1 } };
    await expect(
      remit.server.prisma.publishedVersion.update({ where, data: { title: "Rewritten" }, select: { id: true } }),
    ).rejects.toThrow();
    await expect(remit.server.prisma.publishedVersion.delete({ where, select: { id: true } })).rejects.toThrow();
    await expect(remit.server.prisma.publishedVersion.deleteMany({ where: { boardId } })).rejects.toThrow();
    expect((await versions.getVersion(chair.user.id, boardId, 1))?.summary.title).toBe("v1");
    expect(Object.keys(versions).filter((name) => /update|delete|edit|remove/i.test(name))).toEqual([]);
  });
});

describe("live snapshot and diff", () => {
  it("VERSION-8 the live snapshot is a DRAFT of every row in display order, or of the agreed ones", async () => {
    await agreeByConsensus(rowIds[2]);
    const live = await versions.buildLiveSnapshot(observer.user.id, boardId);
    expect(live.version).toBeNull();
    expect(live.rows.map((row) => row.title)).toEqual(ROWS.map((row) => row.title));
    const agreed = await versions.buildLiveSnapshot(observer.user.id, boardId, { rows: "agreed" });
    expect(agreed.rows.map((row) => row.id)).toEqual([rowIds[2]]);
    expect(await versions.getSnapshot(chair.user.id, boardId, 7)).toBeNull();
  });

  it("VERSION-9 diff v1 → live lists exactly what changed since", async () => {
    await versions.publishVersion(chair.user.id, boardId, { title: "v1", scope: "all" });
    const [, instrument] = await remit.server.services.listInstruments(boardId);
    await editBoard(remit.server, chair, boardId, (doc) => {
      setResponsibility(doc, rowIds[1], "Shared", "EU");
      linkInstrument(doc, rowIds[2], instrument.id);
    });
    const diff = await versions.diff(chair.user.id, boardId, 1, "live");
    expect(diff?.changes).toEqual([
      { kind: "responsibility-changed", rowId: rowIds[1], rowTitle: "Disinformation", from: "EU", to: "Shared" },
      { kind: "lead-changed", rowId: rowIds[1], rowTitle: "Disinformation", from: null, to: "EU" },
      { kind: "instrument-linked", rowId: rowIds[2], rowTitle: "Undersea cables", instrumentId: instrument.id },
    ]);
    expect(await versions.diff(chair.user.id, boardId, 1, 2)).toBeNull();
  });
});
