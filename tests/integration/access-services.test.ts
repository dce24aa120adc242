/**
 * Membership, invitations and sign-in rules against a real database.
 */
import { beforeEach, describe, expect, it } from "vitest";
import { addMember, createAccount, type TestAccount } from "../support/accounts";
import { givenBoard } from "../support/given-board";
import { givenTestServer } from "../support/given-server";

const remit = givenTestServer({ env: { LOGIN_ATTEMPTS_PER_WINDOW: "3" }, per: "test" });
let chair: TestAccount;
let guest: TestAccount;
let boardId: string;

beforeEach(async () => {
  ({
    chair,
    boardId,
    strangers: { guest },
  } = await givenBoard(remit.server, {
    title: "Board",
    chair: ["Chair", "NATO-IS"],
    strangers: { guest: ["Guest", "PL"] },
  }));
});

describe("invitations", () => {
  it("ACCESS-1 a valid invite makes the user a member with the invite's role", async () => {
    const { token } = await remit.server.access.createInvite(chair.user.id, boardId, {
      role: "observer",
      expiresInHours: 24,
      maxUses: 1,
    });
    expect(await remit.server.access.describeInvite(token)).toMatchObject({ ok: true, boardId, role: "observer" });
    expect(await remit.server.access.acceptInvite(guest.user.id, token)).toEqual({ ok: true, boardId });
    expect((await remit.server.access.getAccess(boardId, guest.user.id))?.role).toBe("observer");
  });

  it("ACCESS-2 an expired invite is refused", async () => {
    const { token, invite } = await remit.server.access.createInvite(chair.user.id, boardId, {
      role: "delegate",
      expiresInHours: 1,
      maxUses: null,
    });
    await remit.server.prisma.invite.update({
      where: { id: invite.id },
      data: { expiresAt: new Date(Date.now() - 1) },
    });
    expect(await remit.server.access.acceptInvite(guest.user.id, token)).toEqual({ ok: false, problem: "expired" });
    expect(await remit.server.access.getAccess(boardId, guest.user.id)).toBeNull();
  });

  it("ACCESS-3 a revoked invite is refused", async () => {
    const { token, invite } = await remit.server.access.createInvite(chair.user.id, boardId, {
      role: "delegate",
      expiresInHours: 24,
      maxUses: null,
    });
    await remit.server.access.revokeInvite(chair.user.id, boardId, invite.id);
    expect(await remit.server.access.acceptInvite(guest.user.id, token)).toEqual({ ok: false, problem: "revoked" });
  });

  it("ACCESS-4 a single-use invite works once; an unknown token is invalid", async () => {
    const { token } = await remit.server.access.createInvite(chair.user.id, boardId, {
      role: "delegate",
      expiresInHours: 24,
      maxUses: 1,
    });
    const other = await createAccount(remit.server, "Other", "IT");
    expect((await remit.server.access.acceptInvite(guest.user.id, token)).ok).toBe(true);
    expect(await remit.server.access.acceptInvite(other.user.id, token)).toEqual({ ok: false, problem: "used-up" });
    expect(await remit.server.access.acceptInvite(other.user.id, "x".repeat(43))).toEqual({
      ok: false,
      problem: "invalid",
    });
  });

  it("ACCESS-5 accepting an invite never lowers an existing role", async () => {
    await addMember(remit.server, chair, boardId, guest, "delegate");
    const { token } = await remit.server.access.createInvite(chair.user.id, boardId, {
      role: "observer",
      expiresInHours: 24,
      maxUses: null,
    });
    await remit.server.access.acceptInvite(guest.user.id, token);
    expect((await remit.server.access.getAccess(boardId, guest.user.id))?.role).toBe("delegate");
    // ...and does not use up the link.
    expect((await remit.server.access.listInvites(chair.user.id, boardId))[0].uses).toBe(0);
  });
});

describe("roles", () => {
  it("ACCESS-6 only the chair manages members; non-members get 404, members 403", async () => {
    await addMember(remit.server, chair, boardId, guest, "delegate");
    const outsider = await createAccount(remit.server, "Outsider", "US");
    await expect(remit.server.access.changeRole(guest.user.id, boardId, guest.user.id, "chair")).rejects.toMatchObject({
      status: 403,
    });
    await expect(remit.server.access.listMembers(outsider.user.id, boardId)).rejects.toMatchObject({ status: 404 });
    await expect(
      remit.server.access.createInvite(guest.user.id, boardId, { role: "chair", expiresInHours: 1, maxUses: 1 }),
    ).rejects.toMatchObject({ status: 403 });
  });

  it("ACCESS-9 the same account added twice at the same moment: one membership, the other told", async () => {
    const results = await Promise.all([
      remit.server.access.addMemberByEmail(chair.user.id, boardId, guest.user.email, "delegate"),
      remit.server.access.addMemberByEmail(chair.user.id, boardId, guest.user.email, "observer"),
    ]);
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    expect(results.find((result) => !result.ok)).toMatchObject({
      fieldErrors: { email: expect.stringMatching(/^serviceErrors\.alreadyMember/) },
    });
  });

  it("ACCESS-7 the last chair cannot be demoted or removed", async () => {
    await expect(
      remit.server.access.changeRole(chair.user.id, boardId, chair.user.id, "delegate"),
    ).rejects.toMatchObject({
      status: 403,
    });
    await expect(remit.server.access.removeMember(chair.user.id, boardId, chair.user.id)).rejects.toMatchObject({
      status: 403,
    });
  });

  it("ACCESS-8 boards list only the user's boards, with their role", async () => {
    await remit.server.access.createBoard(guest.user.id, { title: "Guest's own", template: "empty" });
    expect(
      (await remit.server.access.listMyBoards(guest.user.id, { includeArchived: false })).map((b) => [b.title, b.role]),
    ).toEqual([["Guest's own", "chair"]]);
  });
});

describe("sign-in", () => {
  it("AUTH-1 sign-up validates every field; a taken email gets the same answer as a new one and changes nothing", async () => {
    const bad = await remit.server.auth.signUp(
      { email: "nope", password: "short", displayName: "", delegationCode: "XX" },
      "10.1.0.1",
    );
    expect(bad).toMatchObject({
      ok: false,
      fieldErrors: { email: expect.any(String), password: expect.any(String), displayName: expect.any(String) },
    });
    const duplicate = await remit.server.auth.signUp(
      {
        email: guest.user.email.toUpperCase(),
        password: "long enough password",
        displayName: "X",
        delegationCode: "DE",
      },
      "10.1.0.1",
    );
    expect(duplicate).toEqual({ ok: true, accepted: true });
    const stillGuest = await remit.server.auth.signIn(
      { email: guest.user.email, password: guest.password },
      "10.1.0.1",
    );
    expect(stillGuest.ok).toBe(true);
    expect(await remit.server.prisma.user.count({ where: { email: guest.user.email } })).toBe(1);
  });

  it("AUTH-2 each sign-in issues a new session token; sign-out revokes only that session", async () => {
    const second = await remit.server.auth.signIn({ email: guest.user.email, password: guest.password }, "10.0.0.1");
    if (!second.ok) throw new Error("sign-in failed");
    expect(second.sessionToken).not.toBe(guest.sessionToken);
    await remit.server.auth.signOut(second.sessionToken);
    expect(await remit.server.auth.getSessionUser(second.sessionToken)).toBeNull();
    expect(await remit.server.auth.getSessionUser(guest.sessionToken)).not.toBeNull();
    await remit.server.auth.signOutEverywhere(guest.user.id);
    expect(await remit.server.auth.getSessionUser(guest.sessionToken)).toBeNull();
  });

  it("AUTH-3 brute force on one account hits the rate limit, even with the right password", async () => {
    for (let i = 0; i < 3; i++) {
      expect(await remit.server.auth.signIn({ email: guest.user.email, password: `wrong ${i}` }, "10.0.0.2")).toEqual({
        ok: false,
        reason: "invalid-credentials",
      });
    }
    const limited = await remit.server.auth.signIn({ email: guest.user.email, password: guest.password }, "10.0.0.3");
    expect(limited).toMatchObject({ ok: false, reason: "rate-limited" });
  });

  it("AUTH-4 one IP trying many accounts hits the per-IP limit", async () => {
    const results = [];
    for (let i = 0; i < 13; i++)
      results.push(await remit.server.auth.signIn({ email: `nobody${i}@test.remit`, password: "x" }, "10.0.0.9"));
    expect(results.at(-1)).toMatchObject({ ok: false, reason: "rate-limited" });
  });

  it("AUTH-5 passwords are stored as Argon2id hashes, sessions as token hashes", async () => {
    const user = await remit.server.prisma.user.findUnique({
      where: { id: guest.user.id },
      select: { passwordHash: true },
    });
    expect(user?.passwordHash).toMatch(/^\$argon2id\$/);
    const sessions = await remit.server.prisma.session.findMany({
      where: { userId: guest.user.id },
      select: { id: true },
    });
    expect(sessions.map((s) => s.id)).not.toContain(guest.sessionToken);
  });
});
