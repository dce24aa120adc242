/**
 * "@Name" typed by hand in a comment notifies the member it names, as a picked mention does, and nobody when it
 * names nobody or several people (issue 10 §4): through the real comment service and database.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { readRows } from "../../core/board-doc";
import { addMember, type TestAccount } from "../support/accounts";
import { givenBoard } from "../support/given-board";
import { givenTestServer } from "../support/given-server";

const remit = givenTestServer();
let chair: TestAccount;
let anna: TestAccount;
let pierre: TestAccount;
let otherPierre: TestAccount;
let boardId: string;
let rowId: string;

beforeAll(async () => {
  ({
    chair,
    boardId,
    strangers: { anna, pierre, otherPierre },
  } = await givenBoard(remit.server, {
    title: "Mentions",
    template: "starter",
    chair: ["Chair", "NATO-IS"],
    strangers: { anna: ["Anna Schmidt", "DE"], pierre: ["Pierre Martin", "FR"], otherPierre: ["Pierre Martin", "BE"] },
  }));
  for (const member of [anna, pierre, otherPierre]) await addMember(remit.server, chair, boardId, member, "delegate");
  const { Doc, applyUpdate } = await import("yjs");
  const doc = new Doc();
  applyUpdate(doc, await remit.server.registry.readState(boardId));
  rowId = readRows(doc)[0].id;
});

async function mentionedBy(body: string, picked: { mentionUserIds?: string[] } = {}): Promise<string[]> {
  const created = (await remit.server.comments.create(chair.user.id, boardId, { rowId, body, ...picked })) as {
    id: string;
  };
  const mentions = await remit.server.prisma.mention.findMany({
    where: { commentId: created.id },
    select: { userId: true },
  });
  return mentions.map((m) => m.userId).sort();
}

describe("typed mentions", () => {
  it("HARDEN-55 a hand-typed @Name notifies that member, and a typed delegation its members", async () => {
    // The other tests of this file mention Anna too, in whatever order they run.
    const unread = async () => (await remit.server.comments.list(anna.user.id, boardId)).unreadMentions;
    const before = await unread();
    expect(await mentionedBy("@anna schmidt, can you check?")).toEqual([anna.user.id]);
    expect(await mentionedBy("Over to @France")).toEqual([pierre.user.id]);
    expect(await unread()).toBe(before + 1);
  });

  it("HARDEN-55 a typed name nobody has, or two members share, notifies nobody; picking one still works", async () => {
    expect(await mentionedBy("@Annabel and anna@example.org")).toEqual([]);
    expect(await mentionedBy("@Pierre Martin, your view?")).toEqual([]);
    expect(await mentionedBy("@Pierre Martin, your view?", { mentionUserIds: [otherPierre.user.id] })).toEqual([
      otherPierre.user.id,
    ]);
  });

  it("HARDEN-55 an @Name typed into an edit notifies whoever it newly names, once", async () => {
    const created = (await remit.server.comments.create(chair.user.id, boardId, { rowId, body: "Draft" })) as {
      id: string;
    };
    const mentioned = async () =>
      (await remit.server.prisma.mention.findMany({ where: { commentId: created.id }, select: { userId: true } }))
        .map((m) => m.userId)
        .sort();
    await remit.server.comments.edit(chair.user.id, boardId, created.id, "Draft, @Anna Schmidt to check");
    expect(await mentioned()).toEqual([anna.user.id]);
    await remit.server.comments.edit(chair.user.id, boardId, created.id, "Draft, @Anna Schmidt and @France to check");
    expect(await mentioned()).toEqual([anna.user.id, pierre.user.id].sort());
  });
});
