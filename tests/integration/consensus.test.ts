/**
 * Positions, comments and the agreement workflow against the real server,
 * database and collaboration socket. The clock is injected for silence deadlines.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { addRow, getRowText, readRow, readRows, setResponsibility } from "../../core/board-doc";
import type { RemitServer } from "../../server/remit-server";
import type { TestAccount } from "../support/accounts";
import { connectClient, waitFor, waitForSync, type TestClient } from "../support/collab-client";
import * as decoding from "lib0/decoding";
import { MessageType } from "../../core/collab-protocol";
import { FakeClock } from "../support/fake-clock";
import { givenBoard } from "../support/given-board";
import { createTestDatabase, startTestServer, type TestDatabase } from "../support/test-server";

let database: TestDatabase;
let server: RemitServer;
let clock: FakeClock;
let chair: TestAccount;
let germany: TestAccount;
let france: TestAccount;
let observer: TestAccount;
let boardId: string;
let rowId: string;
const clients: TestClient[] = [];
const HOUR = 3600_000;

async function start() {
  server = await startTestServer(database, {}, { clock });
}

beforeEach(async () => {
  database = createTestDatabase();
  clock = new FakeClock();
  await start();
  const given = await givenBoard(server, {
    title: "Consensus board",
    template: "starter",
    chair: ["Chair", "NATO-IS"],
    members: {
      germany: ["Anna", "DE", "delegate"],
      france: ["Pierre", "FR", "delegate"],
      observer: ["Olivia", "IE", "observer"],
    },
  });
  ({ boardId, chair } = given);
  ({ germany, france, observer } = given.members);
  const doc = await server.registry.readState(boardId);
  const { Doc, applyUpdate } = await import("yjs");
  const y = new Doc();
  applyUpdate(y, doc);
  rowId = readRows(y)[0].id;
});

afterEach(async () => {
  for (const client of clients.splice(0)) client.destroy();
  await server.stop();
  database.dispose();
});

const rowView = async () => (await server.consensus.getBoardConsensus(chair.user.id, boardId)).rows[rowId];
const proposeUnderSilence = (hours: number) =>
  server.consensus.propose(chair.user.id, boardId, {
    rowId,
    procedure: "silence",
    silenceDeadline: new Date(clock.now() + hours * HOUR).toISOString(),
  });

describe("positions", () => {
  it("CONSENSUS-1 participants are the delegations of chairs and delegates, institutions and observers excepted", async () => {
    const view = await server.consensus.getBoardConsensus(chair.user.id, boardId);
    expect(view.participants.map((d) => d.code)).toEqual(["FR", "DE"]);
  });

  it("CONSENSUS-2 a delegate cannot record a position for another delegation", async () => {
    await expect(
      server.consensus.recordPosition(germany.user.id, boardId, {
        rowId,
        position: "object",
        text: "no",
        delegationCode: "FR",
      }),
    ).rejects.toMatchObject({ status: 403 });
    expect((await rowView())?.positions ?? []).toEqual([]);
  });

  it("CONSENSUS-3 positions are stamped with the actor's delegation; the latest stands, history is kept", async () => {
    await server.consensus.recordPosition(germany.user.id, boardId, {
      rowId,
      position: "reserve",
      text: "Pending legal review",
    });
    await server.consensus.recordPosition(germany.user.id, boardId, { rowId, position: "support" });
    const view = await rowView();
    expect(view.positions).toEqual([
      expect.objectContaining({
        delegationCode: "DE",
        delegationName: "Germany",
        position: "support",
        recordedByName: "Anna",
      }),
    ]);
    expect(view.consensus).toMatchObject({ state: "pending", pending: ["FR"] });
    expect((await server.consensus.positionHistory(chair.user.id, boardId, rowId)).map((p) => p.position)).toEqual([
      "support",
      "reserve",
    ]);
  });

  it("CONSENSUS-4 reservations and objections need a text; observers cannot record positions", async () => {
    expect(
      await server.consensus.recordPosition(germany.user.id, boardId, { rowId, position: "reserve" }),
    ).toMatchObject({ ok: false, fieldErrors: { text: expect.any(String) } });
    await expect(
      server.consensus.recordPosition(observer.user.id, boardId, { rowId, position: "support" }),
    ).rejects.toMatchObject({ status: 403 });
  });
});

describe("comments", () => {
  it("CONSENSUS-5 an observer cannot comment but reads comments", async () => {
    await expect(server.comments.create(observer.user.id, boardId, { rowId, body: "hello" })).rejects.toMatchObject({
      status: 403,
    });
    await server.comments.create(germany.user.id, boardId, { rowId, body: "Visible to all" });
    expect((await server.comments.list(observer.user.id, boardId)).comments.map((c) => c.body)).toEqual([
      "Visible to all",
    ]);
  });

  it("CONSENSUS-6 a forged author is impossible: the author comes from the session", async () => {
    await server.comments.create(germany.user.id, boardId, {
      rowId,
      body: "<script>alert(1)</script>",
      authorId: chair.user.id,
      authorName: "Chair",
      delegationCode: "NATO-IS",
    });
    const [comment] = (await server.comments.list(chair.user.id, boardId)).comments;
    expect(comment).toMatchObject({
      authorId: germany.user.id,
      authorName: "Anna",
      delegationCode: "DE",
      body: "<script>alert(1)</script>",
    });
  });

  it("CONSENSUS-7 only the author edits or deletes; a delegation mention reaches its members", async () => {
    const created = await server.comments.create(germany.user.id, boardId, {
      rowId,
      body: "FR, please confirm",
      mentionDelegationCodes: ["FR"],
    });
    const id = (created as { id: string }).id;
    await expect(server.comments.edit(france.user.id, boardId, id, "hijacked")).rejects.toMatchObject({ status: 403 });
    expect((await server.comments.list(france.user.id, boardId)).unreadMentions).toBe(1);
    await server.comments.markMentionsRead(france.user.id, boardId);
    expect((await server.comments.list(france.user.id, boardId)).unreadMentions).toBe(0);
    await server.comments.setResolved(france.user.id, boardId, id, true);
    expect((await server.comments.list(chair.user.id, boardId)).openThreadsByRow[rowId]).toBeUndefined();
  });
});

describe("agreement workflow", () => {
  it("CONSENSUS-8 the silence deadline passes with no objection: the row becomes agreed", async () => {
    expect(await proposeUnderSilence(24)).toEqual({ ok: true });
    expect((await rowView()).workflow.state).toBe("proposed");
    clock.advance(23 * HOUR);
    expect((await rowView()).workflow.state).toBe("proposed");
    clock.advance(2 * HOUR);
    await waitFor(() => server.consensus.lockedRows(boardId).has(rowId), "agreement at the deadline");
    expect((await rowView()).workflow).toMatchObject({ state: "agreed", procedure: "silence" });
  });

  it("CONSENSUS-9 the deadline passes while the server is down: agreed after restart", async () => {
    await proposeUnderSilence(24);
    await server.stop();
    clock = new FakeClock(clock.now() + 30 * HOUR);
    await start();
    await waitFor(() => server.consensus.lockedRows(boardId).has(rowId), "agreement after restart");
    expect((await rowView()).workflow.state).toBe("agreed");
  });

  it("CONSENSUS-10 an objection before the deadline breaks silence: back to draft with the objector recorded", async () => {
    await proposeUnderSilence(24);
    clock.advance(HOUR);
    await server.consensus.recordPosition(france.user.id, boardId, {
      rowId,
      position: "object",
      text: "Belongs to the EU",
    });
    const view = await rowView();
    expect(view.workflow).toMatchObject({ state: "draft", brokenByDelegation: "FR" });
    expect(view.consensus).toMatchObject({ state: "blocked", objecting: ["FR"] });
    clock.advance(48 * HOUR);
    expect((await rowView()).workflow.state).toBe("draft");
  });

  it("CONSENSUS-11 the chair declares agreement only when the consensus state allows it", async () => {
    expect(await server.consensus.declareAgreed(chair.user.id, boardId, rowId)).toMatchObject({ ok: false });
    await server.consensus.recordPosition(germany.user.id, boardId, { rowId, position: "support" });
    await server.consensus.recordPosition(france.user.id, boardId, { rowId, position: "abstain" });
    // A draft row cannot be declared agreed, even with every position in: the chair proposes it first.
    expect(await server.consensus.declareAgreed(chair.user.id, boardId, rowId)).toMatchObject({ ok: false });
    await server.consensus.propose(chair.user.id, boardId, { rowId, procedure: "consensus" });
    await expect(server.consensus.declareAgreed(germany.user.id, boardId, rowId)).rejects.toMatchObject({
      status: 403,
    });
    expect(await server.consensus.declareAgreed(chair.user.id, boardId, rowId)).toEqual({ ok: true });
    expect((await rowView()).workflow.state).toBe("agreed");
  });

  it("CONSENSUS-12 editing an agreed row is undone for everyone; after reopening it can be edited", async () => {
    await server.consensus.recordPosition(germany.user.id, boardId, { rowId, position: "support" });
    await server.consensus.recordPosition(france.user.id, boardId, { rowId, position: "support" });
    await server.consensus.propose(chair.user.id, boardId, { rowId, procedure: "consensus" });
    await server.consensus.declareAgreed(chair.user.id, boardId, rowId);
    const editor = connectClient(server.url, boardId, { cookie: germany.cookie });
    const watcher = connectClient(server.url, boardId, { cookie: france.cookie });
    clients.push(editor, watcher);
    await Promise.all([waitForSync(editor), waitForSync(watcher)]);
    const before = readRow(watcher.doc, rowId)!;
    setResponsibility(editor.doc, rowId, before.responsibility === "EU" ? "NATO" : "EU");
    getRowText(editor.doc, rowId, "title")!.insert(0, "EDITED ");
    await waitFor(
      () =>
        readRow(editor.doc, rowId)?.title === before.title &&
        readRow(editor.doc, rowId)?.responsibility === before.responsibility,
      "edit undone on the sender",
    );
    // Frames arrive in order: once a later edit from the same editor reached the watcher, the edit and its undo did.
    const probeId = addRow(editor.doc, { title: "probe after the locked edit" });
    await waitFor(() => readRow(watcher.doc, probeId) !== null, "a later edit to reach the watcher");
    expect(readRow(watcher.doc, rowId)).toEqual(before);
    const room = (await server.registry.loadedRoom(boardId))!;
    expect(readRow(room.doc, rowId)).toEqual(before);

    await server.consensus.reopen(chair.user.id, boardId, rowId);
    getRowText(editor.doc, rowId, "notes")!.insert(0, "now allowed");
    await waitFor(() => readRow(watcher.doc, rowId)?.notes.startsWith("now allowed") === true, "edit after reopening");
  });

  it("CONSENSUS-13 editing a proposed row's text sends it back to draft; its notes do not", async () => {
    await server.consensus.propose(chair.user.id, boardId, { rowId, procedure: "consensus" });
    const editor = connectClient(server.url, boardId, { cookie: germany.cookie });
    clients.push(editor);
    await waitForSync(editor);
    getRowText(editor.doc, rowId, "notes")!.insert(0, "call Paris");
    const room = (await server.registry.loadedRoom(boardId))!;
    await waitFor(() => readRow(room.doc, rowId)?.notes.startsWith("call Paris") === true, "notes on the server");
    await server.activity.flush();
    expect((await rowView()).workflow.state).toBe("proposed");
    getRowText(editor.doc, rowId, "description")!.insert(0, "a change");
    await waitFor(
      () => !(server.consensus as unknown as { proposed: Map<string, Set<string>> }).proposed.get(boardId)?.has(rowId),
      "reset to draft",
    );
    expect((await rowView()).workflow.state).toBe("draft");
  });

  it("HARDEN-22 a position belongs to the text it was given on: after an edit it no longer counts until renewed", async () => {
    await server.consensus.recordPosition(germany.user.id, boardId, { rowId, position: "support" });
    await server.consensus.recordPosition(france.user.id, boardId, { rowId, position: "reserve", text: "Wording" });
    expect((await rowView()).consensus.state).toBe("consensus-with-reservations");
    const editor = connectClient(server.url, boardId, { cookie: germany.cookie });
    clients.push(editor);
    await waitForSync(editor);
    getRowText(editor.doc, rowId, "title")!.insert(0, "Amended: ");
    const room = (await server.registry.loadedRoom(boardId))!;
    await waitFor(() => readRow(room.doc, rowId)?.title.startsWith("Amended: ") === true, "edit on the server");
    const stale = await rowView();
    expect(stale.positions.map((p) => [p.delegationCode, p.current])).toEqual([
      ["FR", false],
      ["DE", false],
    ]);
    expect(stale.consensus).toMatchObject({ state: "pending", pending: ["DE", "FR"] });
    // Renewing (recording the same position again) gives it on the current text.
    await server.consensus.recordPosition(germany.user.id, boardId, { rowId, position: "support" });
    const renewed = await rowView();
    expect(renewed.positions.find((p) => p.delegationCode === "DE")?.current).toBe(true);
    expect(renewed.consensus).toMatchObject({ state: "pending", pending: ["FR"] });
  });

  it("HARDEN-23 the chair cannot declare agreement on positions given on an earlier text", async () => {
    await server.consensus.recordPosition(germany.user.id, boardId, { rowId, position: "support" });
    await server.consensus.recordPosition(france.user.id, boardId, { rowId, position: "support" });
    const editor = connectClient(server.url, boardId, { cookie: germany.cookie });
    clients.push(editor);
    await waitForSync(editor);
    getRowText(editor.doc, rowId, "description")!.insert(0, "New wording. ");
    const room = (await server.registry.loadedRoom(boardId))!;
    await waitFor(() => readRow(room.doc, rowId)?.description.startsWith("New wording") === true, "edit on server");
    await server.consensus.propose(chair.user.id, boardId, { rowId, procedure: "consensus" });
    expect(await server.consensus.declareAgreed(chair.user.id, boardId, rowId)).toMatchObject({
      ok: false,
      fieldErrors: { rowId: expect.stringMatching(/^workflow\.waitingFor\?names=/) },
    });
    expect((await rowView()).workflow.state).toBe("proposed");
  });

  it("HARDEN-24 a silence deadline does nothing on an archived board; restored after it, the row is back in draft", async () => {
    await proposeUnderSilence(24);
    await server.services.setBoardArchived(boardId, true);
    clock.advance(25 * HOUR);
    // Let the deadline's handler run to its end (it reads the database) before looking.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect((await rowView()).workflow.state).toBe("proposed");
    expect(server.consensus.lockedRows(boardId).has(rowId)).toBe(false);
    await server.services.setBoardArchived(boardId, false);
    await waitFor(
      () => !(server.consensus as unknown as { proposed: Map<string, Set<string>> }).proposed.get(boardId)?.has(rowId),
      "back to draft after restore",
    );
    expect((await rowView()).workflow.state).toBe("draft");
  });

  it("HARDEN-25 archiving reaches open sockets at once: a connected delegate's writes are dropped", async () => {
    const writer = connectClient(server.url, boardId, { cookie: germany.cookie });
    const watcher = connectClient(server.url, boardId, { cookie: france.cookie });
    clients.push(writer, watcher);
    await Promise.all([waitForSync(writer), waitForSync(watcher)]);
    const access: boolean[] = [];
    writer.provider.messageHandlers[MessageType.access] = (_encoder, decoder: decoding.Decoder) => {
      access.push((JSON.parse(decoding.readVarString(decoder)) as { canWrite: boolean }).canWrite);
    };
    const title = readRow(watcher.doc, rowId)!.title;
    await server.services.setBoardArchived(boardId, true);
    await waitFor(() => access.includes(false), "read-only notice on the open socket");
    const room = (await server.registry.loadedRoom(boardId))!;
    const rejected = room.rejectedWriteCount;
    getRowText(writer.doc, rowId, "title")!.insert(0, "After archive ");
    await waitFor(() => room.rejectedWriteCount > rejected, "write dropped and counted");
    expect(readRow(room.doc, rowId)?.title).toBe(title);
    expect(readRow(watcher.doc, rowId)?.title).toBe(title);
  });

  it("CONSENSUS-14 only the chair proposes, and a silence deadline must be in the future", async () => {
    await expect(
      server.consensus.propose(germany.user.id, boardId, { rowId, procedure: "consensus" }),
    ).rejects.toMatchObject({ status: 403 });
    expect(await proposeUnderSilence(-1)).toMatchObject({
      ok: false,
      fieldErrors: { silenceDeadline: expect.any(String) },
    });
    expect(await server.consensus.propose(chair.user.id, boardId, { rowId, procedure: "silence" })).toMatchObject({
      ok: false,
    });
  });

  it("CONSENSUS-15 every comment, position and workflow change lands in the activity log with its author", async () => {
    const created = (await server.comments.create(germany.user.id, boardId, { rowId, body: "First" })) as {
      id: string;
    };
    await server.comments.edit(germany.user.id, boardId, created.id, "First, edited");
    await server.comments.setResolved(france.user.id, boardId, created.id, true);
    await server.consensus.recordPosition(france.user.id, boardId, { rowId, position: "support" });
    await proposeUnderSilence(24);
    await server.consensus.recordPosition(germany.user.id, boardId, { rowId, position: "object", text: "Not yet" });
    await server.consensus.recordPosition(germany.user.id, boardId, { rowId, position: "support" });
    await server.consensus.propose(chair.user.id, boardId, { rowId, procedure: "consensus" });
    await server.consensus.declareAgreed(chair.user.id, boardId, rowId);
    await server.consensus.reopen(chair.user.id, boardId, rowId);
    await server.comments.remove(germany.user.id, boardId, created.id);
    const entries = (await server.access.listActivity(chair.user.id, boardId, { limit: 50 })).reverse();
    expect(entries.map((entry) => [entry.kind, entry.delegationCode])).toEqual([
      ["comment-added", "DE"],
      ["comment-edited", "DE"],
      ["thread-resolved", "FR"],
      ["position-recorded", "FR"],
      ["row-proposed", "NATO-IS"],
      ["position-recorded", "DE"],
      ["silence-broken", "DE"],
      ["position-recorded", "DE"],
      ["row-proposed", "NATO-IS"],
      ["row-agreed", "NATO-IS"],
      ["row-reopened", "NATO-IS"],
      ["comment-deleted", "DE"],
    ]);
    expect(entries.every((entry) => entry.rowTitle === entries[0].rowTitle && entry.rowTitle)).toBe(true);
  });
});
