/**
 * The agenda and the tour de table against the real server, database and collaboration socket: who may do what,
 * what the server stamps, what is recorded and announced. The clock is injected (no waiting on wall time).
 */
import * as decoding from "lib0/decoding";
import * as Y from "yjs";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { readRows } from "../../core/board-doc";
import { MessageType } from "../../core/collab-protocol";
import type { TestAccount } from "../support/accounts";
import { connectClient, waitFor, waitForSync, type TestClient } from "../support/collab-client";
import { FakeClock } from "../support/fake-clock";
import { givenBoard } from "../support/given-board";
import { givenTestServer } from "../support/given-server";

const remit = givenTestServer({ options: () => ({ clock: (clock = new FakeClock()) }), per: "test" });
let clock: FakeClock;
let chair: TestAccount;
let germany: TestAccount;
let france: TestAccount;
let observer: TestAccount;
let outsider: TestAccount;
let boardId: string;
let rowIds: string[];
const clients: TestClient[] = [];

beforeEach(async () => {
  const given = await givenBoard(remit.server, {
    title: "Meeting board",
    template: "starter",
    chair: ["Chair", "NATO-IS"],
    members: {
      germany: ["Anna", "DE", "delegate"],
      france: ["Pierre", "FR", "delegate"],
      observer: ["Olivia", "IE", "observer"],
    },
    strangers: { outsider: ["Otto", "AT"] },
  });
  ({ boardId, chair } = given);
  ({ germany, france, observer } = given.members);
  outsider = given.strangers.outsider;
  const doc = new Y.Doc();
  Y.applyUpdate(doc, await remit.server.registry.readState(boardId));
  rowIds = readRows(doc).map((row) => row.id);
});

afterEach(async () => {
  for (const client of clients.splice(0)) client.destroy();
});

const meeting = () => remit.server.meeting.getMeeting(chair.user.id, boardId);
const activityKinds = async () =>
  (
    await remit.server.prisma.activityEntry.findMany({
      where: { boardId },
      select: { kind: true, detail: true, actorId: true, createdAt: true },
      orderBy: { id: "asc" },
    })
  ).filter((entry) => /agenda|hand|floor|speaking/.test(entry.kind));

async function twoItems() {
  expect(
    await remit.server.meeting.addItem(chair.user.id, boardId, { title: "Cables", rowIds: [rowIds[2], rowIds[0]] }),
  ).toMatchObject({ ok: true });
  expect(
    await remit.server.meeting.addItem(chair.user.id, boardId, { title: "5G", rowIds: [rowIds[1]] }),
  ).toMatchObject({
    ok: true,
  });
  return (await meeting()).items;
}

async function boardEvents(account: TestAccount): Promise<string[]> {
  const kinds: string[] = [];
  const client = connectClient(remit.server.url, boardId, { cookie: account.cookie });
  clients.push(client);
  client.provider.messageHandlers[MessageType.boardEvent] = (_encoder, decoder: decoding.Decoder) => {
    kinds.push((JSON.parse(decoding.readVarString(decoder)) as { kind: string }).kind);
  };
  await waitForSync(client);
  return kinds;
}

describe("agenda", () => {
  it("AGENDA-1 only the chair builds the agenda and sets the current item; others are refused and nothing changes", async () => {
    const items = await twoItems();
    for (const member of [germany, observer]) {
      const id = member.user.id;
      await expect(
        remit.server.meeting.addItem(id, boardId, { title: "Mine", rowIds: [rowIds[0]] }),
      ).rejects.toMatchObject({
        status: 403,
      });
      await expect(
        remit.server.meeting.moveItem(id, boardId, { itemId: items[1].id, direction: "up" }),
      ).rejects.toMatchObject({ status: 403 });
      await expect(remit.server.meeting.removeItem(id, boardId, { itemId: items[0].id })).rejects.toMatchObject({
        status: 403,
      });
      await expect(remit.server.meeting.setCurrentItem(id, boardId, { itemId: items[1].id })).rejects.toMatchObject({
        status: 403,
      });
      await expect(remit.server.meeting.nextItem(id, boardId)).rejects.toMatchObject({ status: 403 });
    }
    await expect(remit.server.meeting.getMeeting(outsider.user.id, boardId)).rejects.toMatchObject({ status: 404 });
    await expect(remit.server.meeting.nextItem(outsider.user.id, boardId)).rejects.toMatchObject({ status: 404 });
    const after = await meeting();
    expect(after.items.map((item) => item.title)).toEqual(["Cables", "5G"]);
    expect(after.currentItemId).toBeNull();
    // Members read it, observers included.
    expect((await remit.server.meeting.getMeeting(observer.user.id, boardId)).items).toHaveLength(2);
  });

  it("AGENDA-2 an item needs a title and distinct rows of this board; bad input names the field and stores nothing", async () => {
    const add = (input: unknown) => remit.server.meeting.addItem(chair.user.id, boardId, input);
    expect(await add({ title: "  ", rowIds: [rowIds[0]] })).toMatchObject({
      ok: false,
      fieldErrors: { title: expect.any(String) },
    });
    expect(await add({ title: "x".repeat(201), rowIds: [rowIds[0]] })).toMatchObject({
      fieldErrors: { title: expect.any(String) },
    });
    expect(await add({ title: "Empty", rowIds: [] })).toMatchObject({ fieldErrors: { rowIds: expect.any(String) } });
    expect(await add({ title: "Twice", rowIds: [rowIds[0], rowIds[0]] })).toMatchObject({
      fieldErrors: { rowIds: expect.any(String) },
    });
    expect(await add({ title: "Ghost", rowIds: ["no-such-row"] })).toMatchObject({
      fieldErrors: { rowIds: "serviceErrors.rowMissing" },
    });
    expect(await add({ title: "Many", rowIds: Array.from({ length: 501 }, (_, i) => `r${i}`) })).toMatchObject({
      fieldErrors: { rowIds: expect.any(String) },
    });
    expect(await add("not an object")).toMatchObject({ ok: false });
    expect((await meeting()).items).toEqual([]);
    // The rows are kept in the order given.
    expect(await add({ title: "Ordered", rowIds: [rowIds[3], rowIds[1]] })).toMatchObject({ ok: true });
    expect((await meeting()).items[0].rowIds).toEqual([rowIds[3], rowIds[1]]);
  });

  it("AGENDA-3 moving swaps neighbours; removing renumbers and leaves no item current if it was", async () => {
    const [cables, fiveG] = await twoItems();
    await remit.server.meeting.addItem(chair.user.id, boardId, { title: "Clouds", rowIds: [rowIds[3]] });
    expect(await remit.server.meeting.moveItem(chair.user.id, boardId, { itemId: fiveG.id, direction: "up" })).toEqual({
      ok: true,
    });
    expect((await meeting()).items.map((item) => [item.title, item.position])).toEqual([
      ["5G", 0],
      ["Cables", 1],
      ["Clouds", 2],
    ]);
    // Already first: nothing moves.
    await remit.server.meeting.moveItem(chair.user.id, boardId, { itemId: fiveG.id, direction: "up" });
    expect((await meeting()).items.map((item) => item.title)).toEqual(["5G", "Cables", "Clouds"]);
    expect(
      await remit.server.meeting.moveItem(chair.user.id, boardId, { itemId: "nope", direction: "up" }),
    ).toMatchObject({
      fieldErrors: { itemId: expect.any(String) },
    });
    expect(
      await remit.server.meeting.moveItem(chair.user.id, boardId, { itemId: fiveG.id, direction: "sideways" }),
    ).toMatchObject({ fieldErrors: { direction: expect.any(String) } });
    await remit.server.meeting.setCurrentItem(chair.user.id, boardId, { itemId: cables.id });
    expect(await remit.server.meeting.removeItem(chair.user.id, boardId, { itemId: cables.id })).toEqual({ ok: true });
    const after = await meeting();
    expect(after.items.map((item) => [item.title, item.position])).toEqual([
      ["5G", 0],
      ["Clouds", 1],
    ]);
    expect(after.currentItemId).toBeNull();
  });

  it("AGENDA-4 taking items stamps start and close times and records them in the activity log; next stops after the last", async () => {
    const [cables, fiveG] = await twoItems();
    const start = clock.now();
    expect(await remit.server.meeting.nextItem(chair.user.id, boardId)).toEqual({ ok: true });
    expect((await meeting()).currentItemId).toBe(cables.id);
    clock.advance(60_000);
    expect(await remit.server.meeting.nextItem(chair.user.id, boardId)).toEqual({ ok: true });
    const view = await meeting();
    expect(view.currentItemId).toBe(fiveG.id);
    expect(view.items[0]).toMatchObject({
      startedAt: new Date(start).toISOString(),
      closedAt: new Date(start + 60_000).toISOString(),
    });
    expect(view.items[1]).toMatchObject({ startedAt: new Date(start + 60_000).toISOString(), closedAt: null });
    expect(await remit.server.meeting.nextItem(chair.user.id, boardId)).toMatchObject({
      ok: false,
      fieldErrors: { itemId: "meeting.noNextItem" },
    });
    // Back to the first item: its first start is kept.
    clock.advance(60_000);
    await remit.server.meeting.setCurrentItem(chair.user.id, boardId, { itemId: cables.id });
    expect((await meeting()).items[0]).toMatchObject({ startedAt: new Date(start).toISOString(), closedAt: null });
    expect(await remit.server.meeting.setCurrentItem(chair.user.id, boardId, { itemId: "nope" })).toMatchObject({
      fieldErrors: { itemId: expect.any(String) },
    });
    const taken = (await activityKinds()).filter(
      (entry) => entry.kind.startsWith("agenda-item-taken") || entry.kind === "agenda-item-closed",
    );
    expect(
      taken.map((entry) => [entry.kind, JSON.parse(entry.detail).title, entry.createdAt.getTime() - start]),
    ).toEqual([
      ["agenda-item-taken", "Cables", 0],
      ["agenda-item-closed", "Cables", 60_000],
      ["agenda-item-taken", "5G", 60_000],
      ["agenda-item-closed", "5G", 120_000],
      ["agenda-item-taken", "Cables", 120_000],
    ]);
    expect(taken.every((entry) => entry.actorId === chair.user.id)).toBe(true);
    expect(JSON.parse(taken[2].detail)).toMatchObject({ itemId: fiveG.id, position: 2 });
  });

  it("AGENDA-5 changing the current item clears the speaking list and the floor", async () => {
    await twoItems();
    await remit.server.meeting.nextItem(chair.user.id, boardId);
    await remit.server.meeting.raiseHand(germany.user.id, boardId);
    await remit.server.meeting.raiseHand(france.user.id, boardId);
    await remit.server.meeting.giveFloor(chair.user.id, boardId, { delegationCode: "DE" });
    expect((await meeting()).speaker?.delegationCode).toBe("DE");
    await remit.server.meeting.nextItem(chair.user.id, boardId);
    const after = await meeting();
    expect(after.speaker).toBeNull();
    expect(after.speakingList).toEqual([]);
  });

  it("AGENDA-6 agenda and floor changes reach every member's socket as board events", async () => {
    const delegateEvents = await boardEvents(germany);
    const observerEvents = await boardEvents(observer);
    await twoItems();
    await waitFor(() => delegateEvents.filter((kind) => kind === "agenda").length >= 2, "agenda events");
    await remit.server.meeting.raiseHand(france.user.id, boardId);
    await waitFor(() => observerEvents.includes("floor"), "floor event");
    expect(observerEvents.filter((kind) => kind === "agenda").length).toBeGreaterThanOrEqual(2);
  });
});

describe("tour de table", () => {
  it("FLOOR-1 a hand is stamped with the actor's own delegation, member and server time; one per delegation, in order", async () => {
    const at = clock.now();
    // A hand-made request naming another delegation raises the actor's own hand, nobody else's.
    const raiseFor = remit.server.meeting.raiseHand as unknown as (
      a: string,
      b: string,
      input: unknown,
    ) => Promise<unknown>;
    await raiseFor(france.user.id, boardId, { delegationCode: "DE", raisedByName: "Anna" });
    clock.advance(5_000);
    await remit.server.meeting.raiseHand(germany.user.id, boardId);
    clock.advance(5_000);
    await remit.server.meeting.raiseHand(france.user.id, boardId); // again: keeps its place
    const list = (await meeting()).speakingList;
    expect(list).toEqual([
      {
        delegationCode: "FR",
        delegationName: expect.any(String),
        raisedByName: "Pierre",
        raisedAt: new Date(at).toISOString(),
      },
      {
        delegationCode: "DE",
        delegationName: expect.any(String),
        raisedByName: "Anna",
        raisedAt: new Date(at + 5_000).toISOString(),
      },
    ]);
    const raised = (await activityKinds()).filter((entry) => entry.kind === "hand-raised");
    expect(raised.map((entry) => [entry.actorId, JSON.parse(entry.detail).delegation])).toEqual([
      [france.user.id, "FR"],
      [germany.user.id, "DE"],
    ]);
  });

  it("FLOOR-2 observers cannot raise or lower hands, non-members get 404, and a delegate lowers only their own hand", async () => {
    await expect(remit.server.meeting.raiseHand(observer.user.id, boardId)).rejects.toMatchObject({ status: 403 });
    await expect(remit.server.meeting.lowerHand(observer.user.id, boardId)).rejects.toMatchObject({ status: 403 });
    await expect(remit.server.meeting.raiseHand(outsider.user.id, boardId)).rejects.toMatchObject({ status: 404 });
    await remit.server.meeting.raiseHand(germany.user.id, boardId);
    await remit.server.meeting.raiseHand(france.user.id, boardId);
    const lowerFor = remit.server.meeting.lowerHand as unknown as (
      a: string,
      b: string,
      input: unknown,
    ) => Promise<unknown>;
    await lowerFor(france.user.id, boardId, { delegationCode: "DE" });
    expect((await meeting()).speakingList.map((hand) => hand.delegationCode)).toEqual(["DE"]);
  });

  it("FLOOR-3 only the chair gives the floor (to a delegation on the list), ends it, clears the list and sets the timer", async () => {
    await remit.server.meeting.raiseHand(germany.user.id, boardId);
    await remit.server.meeting.raiseHand(france.user.id, boardId);
    for (const member of [germany, observer]) {
      const id = member.user.id;
      await expect(remit.server.meeting.giveFloor(id, boardId, { delegationCode: "DE" })).rejects.toMatchObject({
        status: 403,
      });
      await expect(remit.server.meeting.endIntervention(id, boardId)).rejects.toMatchObject({ status: 403 });
      await expect(remit.server.meeting.clearList(id, boardId)).rejects.toMatchObject({ status: 403 });
      await expect(remit.server.meeting.setTimer(id, boardId, { seconds: 120 })).rejects.toMatchObject({ status: 403 });
    }
    await expect(
      remit.server.meeting.giveFloor(outsider.user.id, boardId, { delegationCode: "DE" }),
    ).rejects.toMatchObject({
      status: 404,
    });
    expect((await meeting()).speaker).toBeNull();
    expect(await remit.server.meeting.giveFloor(chair.user.id, boardId, { delegationCode: "PL" })).toMatchObject({
      fieldErrors: { delegationCode: "meeting.notOnList" },
    });
    expect(await remit.server.meeting.giveFloor(chair.user.id, boardId, { delegationCode: "FR" })).toEqual({
      ok: true,
    });
    let view = await meeting();
    expect(view.speaker).toMatchObject({ delegationCode: "FR", seconds: null });
    expect(view.speakingList.map((hand) => hand.delegationCode)).toEqual(["DE"]);
    await remit.server.meeting.endIntervention(chair.user.id, boardId);
    expect((await meeting()).speaker).toBeNull();
    await remit.server.meeting.clearList(chair.user.id, boardId);
    view = await meeting();
    expect(view.speakingList).toEqual([]);
    expect((await activityKinds()).map((entry) => entry.kind)).toEqual([
      "hand-raised",
      "hand-raised",
      "floor-given",
      "speaking-list-cleared",
    ]);
  });

  it("FLOOR-4 the timer is none or 1, 2, 3, 5 minutes; giving the floor stores the server's start time and the duration", async () => {
    for (const seconds of [0, 90, -60, 3600, "120"])
      expect(await remit.server.meeting.setTimer(chair.user.id, boardId, { seconds })).toMatchObject({
        ok: false,
        fieldErrors: { seconds: expect.any(String) },
      });
    expect((await meeting()).timerSeconds).toBeNull();
    expect(await remit.server.meeting.setTimer(chair.user.id, boardId, { seconds: 180 })).toEqual({ ok: true });
    await remit.server.meeting.raiseHand(germany.user.id, boardId);
    clock.advance(1_000);
    await remit.server.meeting.giveFloor(chair.user.id, boardId, { delegationCode: "DE" });
    const view = await meeting();
    expect(view.timerSeconds).toBe(180);
    expect(view.speaker).toEqual({
      delegationCode: "DE",
      delegationName: expect.any(String),
      since: new Date(clock.now()).toISOString(),
      seconds: 180,
    });
    expect(view.serverNow).toBe(clock.now());
    // A new duration is for the next speakers; the current one keeps the time given.
    await remit.server.meeting.setTimer(chair.user.id, boardId, { seconds: null });
    expect((await meeting()).speaker?.seconds).toBe(180);
  });
});
