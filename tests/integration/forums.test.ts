/**
 * Forums through the real server (database, services, collaboration socket): who records positions on a
 * NATO, EU or joint board, and consensus counted per organisation on a joint board (decision 018).
 */
import { beforeEach, describe, expect, it } from "vitest";
import { addRow } from "../../core/board-doc";
import { editBoard } from "../support/board-editing";
import { givenBoard } from "../support/given-board";
import { givenTestServer } from "../support/given-server";

const remit = givenTestServer({ per: "test" });

beforeEach(async () => {});

const MEETING = {
  germany: ["Anna", "DE", "delegate"],
  austria: ["Lukas", "AT", "delegate"],
  ireland: ["Aoife", "IE", "delegate"],
  unitedStates: ["Sam", "US", "delegate"],
  turkiye: ["Elif", "TR", "delegate"],
  japan: ["Yui", "JP", "delegate"],
  eeas: ["Inès", "EEAS", "delegate"],
} as const;

describe("forums", () => {
  it("FORUM-5 on a NATO board the server refuses positions from EU-only delegations, partners and institutions (403, saying why)", async () => {
    const board = await givenBoard(remit.server, { forum: "nato", chair: ["Chair", "NATO-IS"], members: MEETING });
    const rowId = await editBoard(remit.server, board.chair, board.boardId, (doc) =>
      addRow(doc, { title: "Cable cut" }),
    );
    const record = (who: keyof typeof MEETING) =>
      remit.server.consensus.recordPosition(board.members[who].user.id, board.boardId, {
        rowId,
        position: "object",
        text: "No",
      });
    await expect(record("austria")).rejects.toMatchObject({ status: 403, message: "serviceErrors.natoForumOnly" });
    await expect(record("japan")).rejects.toMatchObject({ status: 403, message: "serviceErrors.partnerNoPosition" });
    await expect(record("eeas")).rejects.toMatchObject({ status: 403, message: "serviceErrors.institutionNoPosition" });
    expect(await remit.server.prisma.position.count({ where: { boardId: board.boardId } })).toBe(0);
    expect(await record("turkiye")).toEqual({ ok: true });
    const view = await remit.server.consensus.getBoardConsensus(board.chair.user.id, board.boardId);
    expect(view.forum).toBe("nato");
    expect(view.participants.map((d) => d.code).sort()).toEqual(["DE", "TR", "US"]);
  });

  it("FORUM-5 on an EU board NATO-only delegations are refused and EU-only ones record", async () => {
    const board = await givenBoard(remit.server, { forum: "eu", chair: ["Chair", "GSC"], members: MEETING });
    const rowId = await editBoard(remit.server, board.chair, board.boardId, (doc) =>
      addRow(doc, { title: "Cable cut" }),
    );
    const record = (who: keyof typeof MEETING) =>
      remit.server.consensus.recordPosition(board.members[who].user.id, board.boardId, { rowId, position: "support" });
    await expect(record("unitedStates")).rejects.toMatchObject({ status: 403, message: "serviceErrors.euForumOnly" });
    expect(await record("austria")).toEqual({ ok: true });
    const view = await remit.server.consensus.getBoardConsensus(board.chair.user.id, board.boardId);
    expect(view.participants.map((d) => d.code).sort()).toEqual(["AT", "DE", "IE"]);
  });

  it("FORUM-6 on a joint board Austria's objection blocks the EU row and not the NATO row; the chair declares the NATO row agreed", async () => {
    const board = await givenBoard(remit.server, { chair: ["Chair", "NATO-IS"], members: MEETING });
    const [natoRow, euRow, sharedRow] = await editBoard(remit.server, board.chair, board.boardId, (doc) => [
      addRow(doc, { title: "Collective defence", responsibility: "NATO" }),
      addRow(doc, { title: "Critical entities", responsibility: "EU" }),
      addRow(doc, { title: "Subsea cables", responsibility: "Shared", lead: "Joint" }),
    ]);
    const { boardId } = board;
    const nations = ["germany", "austria", "ireland", "unitedStates", "turkiye"] as const;
    for (const rowId of [natoRow, euRow, sharedRow])
      for (const who of nations)
        await remit.server.consensus.recordPosition(board.members[who].user.id, boardId, {
          rowId,
          ...(who === "austria" ? { position: "object", text: "Not without the Council" } : { position: "support" }),
        });
    const view = await remit.server.consensus.getBoardConsensus(board.chair.user.id, boardId);
    expect(view.forum).toBe("joint");
    const states = (rowId: string) =>
      view.rows[rowId].organisations.map((o) => [o.organisation, o.consensus.state, o.consensus.objecting]);
    expect(states(natoRow)).toEqual([["NATO", "consensus", []]]);
    expect(states(euRow)).toEqual([["EU", "blocked", ["AT"]]]);
    expect(states(sharedRow)).toEqual([
      ["NATO", "consensus", []],
      ["EU", "blocked", ["AT"]],
    ]);
    expect(view.rows[sharedRow].consensus.state).toBe("blocked");
    // Proposing and declaring go by the per-organisation result.
    for (const rowId of [natoRow, euRow])
      expect(
        await remit.server.consensus.propose(board.chair.user.id, boardId, { rowId, procedure: "consensus" }),
      ).toEqual({
        ok: true,
      });
    expect(await remit.server.consensus.declareAgreed(board.chair.user.id, boardId, natoRow)).toEqual({ ok: true });
    expect(await remit.server.consensus.declareAgreed(board.chair.user.id, boardId, euRow)).toMatchObject({
      ok: false,
    });
  });

  it("FORUM-6 on a joint board an objection that does not count for the row does not break silence", async () => {
    const board = await givenBoard(remit.server, { chair: ["Chair", "NATO-IS"], members: MEETING });
    const natoRow = await editBoard(remit.server, board.chair, board.boardId, (doc) =>
      addRow(doc, { title: "Collective defence", responsibility: "NATO" }),
    );
    const deadline = new Date(Date.now() + 3600_000).toISOString();
    await remit.server.consensus.propose(board.chair.user.id, board.boardId, {
      rowId: natoRow,
      procedure: "silence",
      silenceDeadline: deadline,
    });
    await remit.server.consensus.recordPosition(board.members.austria.user.id, board.boardId, {
      rowId: natoRow,
      position: "object",
      text: "We are not an Ally",
    });
    let view = await remit.server.consensus.getBoardConsensus(board.chair.user.id, board.boardId);
    expect(view.rows[natoRow].workflow.state).toBe("proposed");
    await remit.server.consensus.recordPosition(board.members.turkiye.user.id, board.boardId, {
      rowId: natoRow,
      position: "object",
      text: "Not yet",
    });
    view = await remit.server.consensus.getBoardConsensus(board.chair.user.id, board.boardId);
    expect(view.rows[natoRow].workflow).toMatchObject({ state: "draft", brokenByDelegation: "TR" });
  });

  it("FORUM-2 the chair changes the forum while no position is recorded, logged in the activity; then it is locked", async () => {
    const board = await givenBoard(remit.server, { chair: ["Chair", "FR"], members: MEETING });
    const { boardId, chair } = board;
    await expect(
      remit.server.consensus.changeForum(board.members.germany.user.id, boardId, { forum: "eu" }),
    ).rejects.toMatchObject({ status: 403 });
    expect(await remit.server.consensus.changeForum(chair.user.id, boardId, { forum: "bogus" })).toMatchObject({
      ok: false,
      fieldErrors: { forum: expect.any(String) },
    });
    expect(await remit.server.consensus.changeForum(chair.user.id, boardId, { forum: "eu" })).toEqual({ ok: true });
    expect((await remit.server.access.getAccess(boardId, chair.user.id))?.board.forum).toBe("eu");
    const activity = await remit.server.access.listActivity(chair.user.id, boardId, { limit: 10 });
    expect(activity.find((item) => item.kind === "forum-changed")?.detail).toEqual({ from: "joint", to: "eu" });
    const rowId = await editBoard(remit.server, chair, boardId, (doc) => addRow(doc, { title: "Cable cut" }));
    await remit.server.consensus.recordPosition(board.members.austria.user.id, boardId, { rowId, position: "support" });
    expect(await remit.server.consensus.changeForum(chair.user.id, boardId, { forum: "nato" })).toMatchObject({
      ok: false,
      fieldErrors: { forum: expect.any(String) },
    });
    expect((await remit.server.access.getAccess(boardId, chair.user.id))?.board.forum).toBe("eu");
  });
});
