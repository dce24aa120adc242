/**
 * Bracketed alternatives (docs/spec/brackets.md) against the real server, database and collaboration socket.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import * as Y from "yjs";
import * as decoding from "lib0/decoding";
import { readRow, readRows } from "../../core/board-doc";
import { MessageType } from "../../core/collab-protocol";
import type { TestAccount } from "../support/accounts";
import { connectClient, waitFor, waitForSync, type TestClient } from "../support/collab-client";
import { FakeClock } from "../support/fake-clock";
import { givenBoard } from "../support/given-board";
import { givenTestServer } from "../support/given-server";

const remit = givenTestServer({ options: () => ({ clock: (clock = new FakeClock()) }), per: "test" });
let chair: TestAccount;
let germany: TestAccount;
let france: TestAccount;
let austria: TestAccount;
let observer: TestAccount;
let eeas: TestAccount;
let stranger: TestAccount;
let boardId: string;
let rowId: string;
let clock: FakeClock;
const clients: TestClient[] = [];

beforeEach(async () => {
  const given = await givenBoard(remit.server, {
    template: "starter",
    chair: ["Chair", "NATO-IS"],
    members: {
      germany: ["Anna", "DE", "delegate"],
      france: ["Pierre", "FR", "delegate"],
      austria: ["Lena", "AT", "delegate"],
      observer: ["Olivia", "IE", "observer"],
      eeas: ["Eva", "EEAS", "delegate"],
    },
    strangers: { stranger: ["Sam", "US"] },
  });
  ({ boardId, chair } = given);
  ({ germany, france, austria, observer, eeas } = given.members);
  stranger = given.strangers.stranger;
  const doc = new Y.Doc();
  Y.applyUpdate(doc, await remit.server.registry.readState(boardId));
  rowId = readRows(doc).find((row) => row.responsibility !== "Shared")!.id;
});

afterEach(async () => {
  for (const client of clients.splice(0)) client.destroy();
});

const brackets = async () => (await remit.server.brackets.list(chair.user.id, boardId)).brackets;
const liveRow = () => remit.server.registry.readRow(boardId, rowId);
const proposeSharedEuLead = (account: TestAccount, extra: Record<string, unknown> = {}) =>
  remit.server.brackets.proposeAlternative(account.user.id, boardId, {
    rowId,
    field: "responsibility",
    responsibility: "Shared",
    lead: "EU",
    ...extra,
  });
const alternativeIds = async () => (await brackets()).flatMap((bracket) => bracket.alternatives.map((a) => a.id));
const sponsorsOf = async (alternativeId: number) =>
  (await brackets())
    .flatMap((bracket) => bracket.alternatives)
    .find((alternative) => alternative.id === alternativeId)
    ?.sponsors.map((sponsor) => sponsor.delegationCode);

describe("proposing and sponsoring", () => {
  it("BRACKET-1 a delegate brackets a row's responsibility; the sponsor is stamped from the account, not the request", async () => {
    // A hand-made request naming other sponsors and another delegation.
    expect(
      await proposeSharedEuLead(germany, { delegationCode: "FR", sponsors: ["FR", "AT"], proposedByName: "Pierre" }),
    ).toEqual({ ok: true });
    const [bracket] = await brackets();
    expect(bracket).toMatchObject({ rowId, field: "responsibility" });
    expect(bracket.alternatives).toEqual([
      expect.objectContaining({
        value: { field: "responsibility", responsibility: "Shared", lead: "EU" },
        proposedByName: "Anna",
        sponsors: [{ delegationCode: "DE", delegationName: "Germany" }],
      }),
    ]);
    // A second alternative goes into the same bracket; a title bracket is a bracket of its own.
    expect(
      await remit.server.brackets.proposeAlternative(france.user.id, boardId, {
        rowId,
        field: "title",
        title: "Hybrid threat",
      }),
    ).toEqual({ ok: true });
    expect((await brackets()).map((b) => b.field)).toEqual(["responsibility", "title"]);
    const [activity] = await remit.server.access.listActivity(chair.user.id, boardId, { limit: 1 });
    expect(activity).toMatchObject({ kind: "bracket-proposed", delegationCode: "FR" });
  });

  it("BRACKET-2 delegations join and leave a sponsorship; an alternative nobody sponsors is withdrawn", async () => {
    await proposeSharedEuLead(germany);
    const [alternativeId] = await alternativeIds();
    clock.advance(1000);
    expect(
      await remit.server.brackets.setSponsorship(
        austria.user.id,
        boardId,
        { alternativeId, delegationCode: "FR" },
        true,
      ),
    ).toEqual({ ok: true });
    clock.advance(1000);
    await remit.server.brackets.setSponsorship(france.user.id, boardId, { alternativeId }, true);
    await remit.server.brackets.setSponsorship(france.user.id, boardId, { alternativeId }, true); // joining twice: once
    expect(await sponsorsOf(alternativeId)).toEqual(["DE", "AT", "FR"]);
    await remit.server.brackets.setSponsorship(austria.user.id, boardId, { alternativeId }, false);
    expect(await sponsorsOf(alternativeId)).toEqual(["DE", "FR"]);
    await remit.server.brackets.setSponsorship(germany.user.id, boardId, { alternativeId }, false);
    await remit.server.brackets.setSponsorship(france.user.id, boardId, { alternativeId }, false);
    expect(await brackets()).toEqual([]);
    expect(await remit.server.brackets.hasOpenBrackets(boardId, rowId)).toBe(false);
    const stored = await remit.server.prisma.bracketAlternative.findUniqueOrThrow({
      where: { id: alternativeId },
      select: { state: true, sponsors: { select: { delegationCode: true, leftAt: true } } },
    });
    expect(stored.state).toBe("withdrawn");
    expect(stored.sponsors.map((s) => s.delegationCode).sort()).toEqual(["AT", "DE", "FR"]);
  });

  it("BRACKET-3 observers, institutions and non-members cannot propose or sponsor; only the chair resolves", async () => {
    await expect(proposeSharedEuLead(observer)).rejects.toMatchObject({ status: 403 });
    await expect(proposeSharedEuLead(eeas)).rejects.toMatchObject({ status: 403 });
    await expect(proposeSharedEuLead(stranger)).rejects.toMatchObject({ status: 404 });
    await expect(proposeSharedEuLead(chair)).rejects.toMatchObject({ status: 403 }); // the chair's is NATO-IS
    await proposeSharedEuLead(germany);
    const [alternativeId] = await alternativeIds();
    const [{ id: bracketId }] = await brackets();
    for (const account of [observer, eeas])
      await expect(
        remit.server.brackets.setSponsorship(account.user.id, boardId, { alternativeId }, true),
      ).rejects.toMatchObject({ status: 403 });
    await expect(
      remit.server.brackets.setSponsorship(stranger.user.id, boardId, { alternativeId }, true),
    ).rejects.toMatchObject({ status: 404 });
    await expect(
      remit.server.brackets.resolve(germany.user.id, boardId, { bracketId, choice: alternativeId }),
    ).rejects.toMatchObject({ status: 403 });
    await expect(remit.server.brackets.list(stranger.user.id, boardId)).rejects.toMatchObject({ status: 404 });
    expect(await sponsorsOf(alternativeId)).toEqual(["DE"]);
  });

  it("BRACKET-4 bad input is refused naming the field, and changes nothing", async () => {
    const current = (await liveRow())!;
    const cases: [Record<string, unknown>, string][] = [
      [{ rowId, field: "responsibility", responsibility: "UN" }, "responsibility"],
      [{ rowId, field: "responsibility", responsibility: "Shared" }, "lead"],
      [{ rowId, field: "responsibility", responsibility: "Shared", lead: "UN" }, "lead"],
      [{ rowId, field: "responsibility", responsibility: "NATO", lead: "EU" }, "lead"],
      [{ rowId, field: "responsibility", responsibility: current.responsibility }, "responsibility"],
      [{ rowId, field: "title", title: "   " }, "title"],
      [{ rowId, field: "title", title: "x".repeat(301) }, "title"],
      [{ rowId, field: "title", title: current.title }, "title"],
      [{ rowId, field: "notes", title: "x" }, "field"],
      [{ rowId: "x".repeat(65), field: "title", title: "x" }, "rowId"],
      [{ rowId: "nope", field: "title", title: "x" }, "rowId"],
    ];
    for (const [input, field] of cases) {
      const result = await remit.server.brackets.proposeAlternative(germany.user.id, boardId, input);
      expect(result.ok, JSON.stringify(input)).toBe(false);
      expect(Object.keys(!result.ok ? result.fieldErrors : {}), JSON.stringify(input)).toContain(field);
    }
    expect(await brackets()).toEqual([]);
    await proposeSharedEuLead(germany);
    expect(await proposeSharedEuLead(france)).toMatchObject({
      ok: false,
      fieldErrors: { responsibility: expect.any(String) },
    });
    for (const bad of [{}, { alternativeId: "abc" }, { alternativeId: -1 }, { alternativeId: 999999 }])
      expect(await remit.server.brackets.setSponsorship(france.user.id, boardId, bad, true)).toMatchObject({
        ok: false,
      });
    const [{ id: bracketId }] = await brackets();
    for (const bad of [{ bracketId }, { bracketId, choice: "other" }, { bracketId: 999999, choice: "current" }])
      expect(await remit.server.brackets.resolve(chair.user.id, boardId, bad)).toMatchObject({ ok: false });
    expect(await alternativeIds()).toHaveLength(1);
  });
});

describe("brackets and agreement", () => {
  it("BRACKET-5 a bracketed row cannot be proposed or agreed; bracketing a proposed row returns it to draft", async () => {
    const rowState = async () =>
      (await remit.server.consensus.getBoardConsensus(chair.user.id, boardId)).rows[rowId]?.workflow.state ?? "draft";
    expect(await remit.server.consensus.propose(chair.user.id, boardId, { rowId, procedure: "consensus" })).toEqual({
      ok: true,
    });
    await proposeSharedEuLead(germany);
    expect(await rowState()).toBe("draft");
    expect(await remit.server.consensus.propose(chair.user.id, boardId, { rowId, procedure: "consensus" })).toEqual({
      ok: false,
      fieldErrors: { rowId: "brackets.blocksProposal" },
    });
    expect(await rowState()).toBe("draft");
    // Once resolved, the row can be proposed and agreed; an agreed row cannot be bracketed.
    const [{ id: bracketId }] = await brackets();
    await remit.server.brackets.resolve(chair.user.id, boardId, { bracketId, choice: "current" });
    expect(await remit.server.consensus.propose(chair.user.id, boardId, { rowId, procedure: "consensus" })).toEqual({
      ok: true,
    });
    for (const account of [germany, france, austria])
      await remit.server.consensus.recordPosition(account.user.id, boardId, { rowId, position: "support" });
    expect(await remit.server.consensus.declareAgreed(chair.user.id, boardId, rowId)).toEqual({ ok: true });
    expect(await proposeSharedEuLead(germany)).toMatchObject({ ok: false, fieldErrors: { rowId: expect.any(String) } });
  });

  it("BRACKET-5 the chair cannot declare agreement while a bracket is open", async () => {
    await remit.server.consensus.propose(chair.user.id, boardId, { rowId, procedure: "consensus" });
    for (const account of [germany, france, austria])
      await remit.server.consensus.recordPosition(account.user.id, boardId, { rowId, position: "support" });
    // A bracket opened by a race after the proposal (written directly, as another instance might have).
    await remit.server.prisma.bracket.create({ data: { boardId, rowId, field: "title", state: "open" } });
    expect(await remit.server.consensus.declareAgreed(chair.user.id, boardId, rowId)).toEqual({
      ok: false,
      fieldErrors: { rowId: "brackets.blocksAgreement" },
    });
  });
});

describe("resolution", () => {
  it("BRACKET-6 I18N-9 the chair's choice is written into the live document; the others are withdrawn with their sponsors", async () => {
    const watcher = connectClient(remit.server.url, boardId, { cookie: france.cookie });
    clients.push(watcher);
    await waitForSync(watcher);
    await proposeSharedEuLead(germany);
    await remit.server.brackets.proposeAlternative(austria.user.id, boardId, {
      rowId,
      field: "responsibility",
      responsibility: "EU",
    });
    const [shared, eu] = await alternativeIds();
    await remit.server.brackets.setSponsorship(france.user.id, boardId, { alternativeId: eu }, true);
    const [{ id: bracketId }] = await brackets();
    expect(await remit.server.brackets.resolve(chair.user.id, boardId, { bracketId, choice: shared })).toEqual({
      ok: true,
    });

    await waitFor(() => readRow(watcher.doc, rowId)?.responsibility === "Shared", "the choice to reach the client");
    expect(readRow(watcher.doc, rowId)).toMatchObject({ responsibility: "Shared", lead: "EU" });
    // Durable: the stored log holds it, authored by the chair.
    await remit.server.registry.flushAll();
    const stored = new Y.Doc();
    const log = await remit.server.store.load(boardId);
    for (const update of [...(log.snapshot ? [log.snapshot] : []), ...log.tail.map((entry) => entry.data)])
      Y.applyUpdate(stored, update);
    expect(readRow(stored, rowId)).toMatchObject({ responsibility: "Shared", lead: "EU" });

    expect(await brackets()).toEqual([]);
    const alternatives = await remit.server.prisma.bracketAlternative.findMany({
      where: { id: { in: [shared, eu] } },
      orderBy: { id: "asc" },
      select: { state: true },
    });
    expect(alternatives.map((a) => a.state)).toEqual(["chosen", "withdrawn"]);
    const [activity] = await remit.server.access.listActivity(chair.user.id, boardId, { limit: 1 });
    expect(activity).toMatchObject({
      kind: "bracket-resolved",
      actorName: "Chair",
      // I18N-9: values, not words; the activity page and the record word them in their reader's language.
      detail: {
        field: "responsibility",
        chosenSide: JSON.stringify({ field: "responsibility", responsibility: "Shared", lead: "EU" }),
        chosenSponsors: "DE",
        withdrawnSides: JSON.stringify([
          { value: { field: "responsibility", responsibility: "EU", lead: null }, sponsors: ["AT", "FR"] },
        ]),
      },
    });
    // A resolved bracket cannot be resolved again.
    expect(await remit.server.brackets.resolve(chair.user.id, boardId, { bracketId, choice: eu })).toMatchObject({
      ok: false,
    });
  });

  it("BRACKET-6 a title alternative chosen while nobody has the board open is stored in the log", async () => {
    await remit.server.brackets.proposeAlternative(germany.user.id, boardId, {
      rowId,
      field: "title",
      title: "[Agreed] title",
    });
    const [{ id: bracketId, alternatives }] = await brackets();
    expect(await remit.server.registry.loadedRoom(boardId)).toBeUndefined();
    await remit.server.brackets.resolve(chair.user.id, boardId, { bracketId, choice: alternatives[0].id });
    expect((await liveRow())?.title).toBe("[Agreed] title");
    const client = connectClient(remit.server.url, boardId, { cookie: austria.cookie });
    clients.push(client);
    await waitForSync(client);
    expect(readRow(client.doc, rowId)?.title).toBe("[Agreed] title");
  });

  it("BRACKET-7 every change to brackets reaches connected clients as a board event", async () => {
    const client = connectClient(remit.server.url, boardId, { cookie: observer.cookie });
    clients.push(client);
    const events: string[] = [];
    client.provider.messageHandlers[MessageType.boardEvent] = (_encoder, decoder: decoding.Decoder) => {
      events.push((JSON.parse(decoding.readVarString(decoder)) as { kind: string }).kind);
    };
    await waitForSync(client);
    await proposeSharedEuLead(germany);
    await waitFor(() => events.includes("brackets"), "a brackets event after proposing");
    const [alternativeId] = await alternativeIds();
    events.length = 0;
    await remit.server.brackets.setSponsorship(france.user.id, boardId, { alternativeId }, true);
    await waitFor(() => events.includes("brackets"), "a brackets event after joining");
    events.length = 0;
    const [{ id: bracketId }] = await brackets();
    await remit.server.brackets.resolve(chair.user.id, boardId, { bracketId, choice: alternativeId });
    await waitFor(() => events.includes("brackets"), "a brackets event after resolving");
  });
});

describe("brackets in snapshots", () => {
  it("BRACKET-8 the live board's snapshot (what draft exports are made from) carries open brackets with sponsors", async () => {
    await proposeSharedEuLead(germany);
    const [alternativeId] = await alternativeIds();
    clock.advance(1000);
    await remit.server.brackets.setSponsorship(austria.user.id, boardId, { alternativeId }, true);
    const snapshot = await remit.server.versions.buildLiveSnapshot(chair.user.id, boardId);
    const row = snapshot.rows.find((candidate) => candidate.id === rowId)!;
    expect(row.brackets).toEqual([
      {
        field: "responsibility",
        alternatives: [
          { value: { field: "responsibility", responsibility: "Shared", lead: "EU" }, sponsors: ["DE", "AT"] },
        ],
      },
    ]);
    expect(snapshot.rows.filter((candidate) => candidate.brackets)).toHaveLength(1);
  });
});
