/**
 * Markings and releasability against a real database and the real WebSocket server (docs/spec/markings.md).
 */
import { beforeEach, describe, expect, it } from "vitest";
import { CloseCode } from "../../core/collab-protocol";
import { isAccessDenied, notReleasableList } from "../../core/access-errors";
import { addMember, type TestAccount } from "../support/accounts";
import { openCollabSocket } from "../support/collab-client";
import { givenBoard } from "../support/given-board";
import { givenTestServer } from "../support/given-server";

const remit = givenTestServer({ per: "test" });
let chair: TestAccount;
let ally: TestAccount;
let euOnly: TestAccount;
let boardId: string;

/** Opens a socket with the account's session; resolves with the close code and reason the server sends. */
function socketClose(account: TestAccount, onOpen?: () => void): Promise<{ code: number; reason: string }> {
  return new Promise((resolve, reject) => {
    const socket = openCollabSocket(remit.server.url, boardId, account.cookie);
    socket.on("open", () => onOpen?.());
    socket.on("close", (code, reason) => resolve({ code, reason: reason.toString() }));
    socket.on("error", reject);
  });
}

async function refusal(call: () => Promise<unknown>): Promise<unknown> {
  try {
    await call();
  } catch (error) {
    return error;
  }
  throw new Error("expected a refusal");
}

beforeEach(async () => {
  ({
    chair,
    boardId,
    strangers: { ally, euOnly },
  } = await givenBoard(remit.server, {
    title: "Board",
    chair: ["Chair", "NATO-IS"],
    strangers: { ally: ["Ally", "US"], euOnly: ["Neutral", "IE"] },
  }));
});

const setMarking = (input: unknown, actor = chair) => remit.server.markings.setMarking(actor.user.id, boardId, input);

describe("markings and releasability", () => {
  it("MARK-3 only the chair sets the marking, from the configured list; it is written to the activity log", async () => {
    await addMember(remit.server, chair, boardId, ally, "delegate");
    const ok = await setMarking({ marking: "EU LIMITE", releasability: { kind: "any" } });
    expect(ok).toEqual({ ok: true });
    expect((await remit.server.access.getAccess(boardId, ally.user.id))?.board.marking).toBe("EU LIMITE");
    expect(await setMarking({ marking: "NATO SECRET", releasability: { kind: "any" } })).toEqual({
      ok: false,
      fieldErrors: { marking: "markings.unknownMarking" },
    });
    expect(await setMarking({ marking: "RELEASABLE TO <list>", releasability: { kind: "any" } })).toMatchObject({
      ok: false,
      fieldErrors: { releasability: "markings.listNeeded" },
    });
    expect(
      await setMarking({ marking: "PUBLIC", releasability: { kind: "delegations", codes: ["XX"] } }),
    ).toMatchObject({ ok: false, fieldErrors: { codes: "markings.unknownDelegations?codes=XX" } });
    const denied = await refusal(() => setMarking({ marking: "PUBLIC", releasability: { kind: "any" } }, ally));
    expect(isAccessDenied(denied) && denied.status).toBe(403);
    const activity = await remit.server.access.listActivity(chair.user.id, boardId, { limit: 10 });
    expect(activity.filter((item) => item.kind === "marking-changed").map((item) => item.detail.to)).toEqual([
      "EU LIMITE",
    ]);
  });

  it("MARK-15 the chair cannot leave their own delegation outside the list", async () => {
    const result = await setMarking({ marking: "PUBLIC", releasability: { kind: "preset", preset: "eu" } });
    expect(result).toEqual({ ok: false, fieldErrors: { releasability: "markings.excludesYou" } });
    // NATO-IS is NATO staff: a NATO-only board keeps its chair.
    expect(await setMarking({ marking: "PUBLIC", releasability: { kind: "preset", preset: "nato" } })).toEqual({
      ok: true,
    });
  });

  it("MARK-11 a member outside the list cannot be added by email; the refusal names the list", async () => {
    await setMarking({ marking: "RELEASABLE TO <list>", releasability: { kind: "preset", preset: "nato" } });
    const added = await remit.server.access.addMemberByEmail(chair.user.id, boardId, euOnly.user.email, "delegate");
    expect(added).toEqual({
      ok: false,
      fieldErrors: { email: "markings.memberOutside?releasableTo=releasability.nato" },
    });
    expect(await remit.server.prisma.boardMember.count({ where: { boardId, userId: euOnly.user.id } })).toBe(0);
    await addMember(remit.server, chair, boardId, ally, "delegate");
  });

  it("MARK-12 an invite link cannot be accepted by an account outside the list; the refusal names the list", async () => {
    await setMarking({ marking: "PUBLIC", releasability: { kind: "delegations", codes: ["NATO-IS", "US"] } });
    const { token } = await remit.server.access.createInvite(chair.user.id, boardId, {
      role: "delegate",
      expiresInHours: 24,
      maxUses: 5,
    });
    expect(await remit.server.access.acceptInvite(euOnly.user.id, token)).toEqual({
      ok: false,
      problem: "not-releasable",
      releasableTo: "releasability.delegations?delegations=NATO-IS%2CUS",
    });
    expect(await remit.server.prisma.invite.findFirst({ where: { boardId }, select: { uses: true } })).toEqual({
      uses: 0,
    });
    expect(await remit.server.access.acceptInvite(ally.user.id, token)).toEqual({ ok: true, boardId });
  });

  it("MARK-13 tightening the list keeps members outside it listed but refuses their reads and exports, naming the list", async () => {
    await addMember(remit.server, chair, boardId, euOnly, "delegate");
    await setMarking({ marking: "RELEASABLE TO <list>", releasability: { kind: "preset", preset: "nato" } });
    const settings = await remit.server.markings.getSettings(chair.user.id, boardId);
    expect(settings.markingText).toBe("RELEASABLE TO NATO");
    expect(settings.withheld.map((member) => member.delegation.code)).toEqual(["IE"]);
    expect((await remit.server.access.listMembers(chair.user.id, boardId)).map((m) => m.delegation.code)).toContain(
      "IE",
    );
    for (const read of [
      () => remit.server.access.getAccess(boardId, euOnly.user.id),
      () => remit.server.versions.getSnapshot(euOnly.user.id, boardId, "live"),
      () => remit.server.versions.listVersions(euOnly.user.id, boardId),
    ]) {
      const error = await refusal(read);
      expect(notReleasableList(error)).toBe("nato");
      // A message ref naming the list, worded in each reader's language by the app.
      expect((error as Error).message).toMatch(/^markings\.notReleasable\?releasableTo=/);
    }
    // Loosening the list lets them back in, nothing else to do.
    await setMarking({ marking: "PUBLIC", releasability: { kind: "preset", preset: "nato-eu" } });
    expect((await remit.server.access.getAccess(boardId, euOnly.user.id))?.role).toBe("delegate");
  });

  it("MARK-6 a live snapshot carries the marking with the list filled in; a version keeps the marking it was published under", async () => {
    await setMarking({ marking: "RELEASABLE TO <list>", releasability: { kind: "preset", preset: "nato-eu" } });
    expect((await remit.server.versions.getSnapshot(chair.user.id, boardId, "live"))?.marking).toBe(
      "RELEASABLE TO NATO, EU",
    );
  });

  it("MARK-14 a member outside the list gets their socket refused with 4451 naming the list, and open sockets close when the list tightens", async () => {
    await addMember(remit.server, chair, boardId, euOnly, "delegate");
    // Connected first, then the chair tightens the list: the open socket closes.
    let opened = false;
    const open = socketClose(euOnly, () => (opened = true));
    while (!opened) await new Promise((resolve) => setTimeout(resolve, 20));
    await setMarking({ marking: "PUBLIC", releasability: { kind: "preset", preset: "nato" } });
    const closed = await open;
    expect(closed.code).toBe(CloseCode.notReleasable);
    expect(closed.reason).toBe("not-releasable:nato");
    // A new socket is refused the same way.
    const refused = await socketClose(euOnly);
    expect(refused).toEqual({ code: 4451, reason: "not-releasable:nato" });
  });
});
