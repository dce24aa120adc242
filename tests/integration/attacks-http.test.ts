/**
 * Attack suite, HTTP side: plain HTTP requests against the real server with
 * the built Remix app. Each case checks the answer and that nothing changed.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { TestAccount } from "../support/accounts";
import { givenBoard } from "../support/given-board";
import { givenAppServer } from "../support/given-server";

const remit = givenAppServer({ env: { LOGIN_ATTEMPTS_PER_WINDOW: "3" } });
let chair: TestAccount;
let observer: TestAccount;
let outsider: TestAccount;
let boardId: string;
let otherBoardId: string;
const MISSING_BOARD = "AAAAAAAAAAAAAAAAAAAAAA";

beforeAll(async () => {
  ({
    chair,
    boardId,
    members: { observer },
    strangers: { outsider },
  } = await givenBoard(remit.server, {
    title: "Secret board",
    template: "starter",
    chair: ["Chair", "NATO-IS"],
    members: { observer: ["Observer", "IE", "observer"] },
    strangers: { outsider: ["Outsider", "US"] },
  }));
  otherBoardId = (
    await remit.server.access.createBoard(outsider.user.id, { title: "Outsider board", template: "empty" })
  ).id;
});

const boardTitle = async (id: string) =>
  (await remit.server.prisma.board.findUniqueOrThrow({ where: { id }, select: { title: true } })).title;

describe("attack suite: HTTP", () => {
  it("ATTACK-HTTP-1 a non-member gets the same 404 for a real board as for a missing one, on every board page", async () => {
    const browser = remit.browser(outsider);
    for (const suffix of ["", "/members", "/activity", "/consensus", "/versions", "/export?format=json&version=live"]) {
      const real = await browser.get(`/boards/${boardId}${suffix}`);
      const missing = await browser.get(`/boards/${MISSING_BOARD}${suffix}`);
      expect([suffix, real.status]).toEqual([suffix, 404]);
      expect([suffix, missing.status]).toEqual([suffix, 404]);
      expect(await real.text()).not.toContain("Secret board");
    }
  });

  it("ATTACK-HTTP-2 an action on another board is refused and changes nothing", async () => {
    const browser = remit.browser(outsider);
    const rename = await browser.postForm("/?index", { intent: "rename", boardId, title: "Hijacked" });
    expect(rename.status).toBe(404);
    const comment = await browser.postForm(`/boards/${boardId}/consensus`, {
      intent: "comment-create",
      rowId: "r1",
      body: "hello",
    });
    expect(comment.status).toBe(404);
    expect(await boardTitle(boardId)).toBe("Secret board");
    expect(await remit.server.prisma.comment.count({ where: { boardId } })).toBe(0);
  });

  it("ATTACK-HTTP-3 a POST without a CSRF token (or with a wrong one) is refused with 403", async () => {
    const browser = remit.browser(chair);
    const withoutToken = await fetch(`${remit.server.url}/?index`, {
      method: "POST",
      redirect: "manual",
      headers: { Cookie: chair.cookie, "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ intent: "rename", boardId, title: "CSRF" }),
    });
    expect(withoutToken.status).toBe(403);
    const wrongToken = await browser.postForm("/?index", { intent: "rename", boardId, title: "CSRF", csrf: "wrong" });
    expect(wrongToken.status).toBe(403);
    expect(await boardTitle(boardId)).toBe("Secret board");
  });

  it("ATTACK-HTTP-4 an observer cannot use write actions", async () => {
    const browser = remit.browser(observer);
    expect(
      (await browser.postForm(`/boards/${boardId}/consensus`, { intent: "comment-create", rowId: "r1", body: "hi" }))
        .status,
    ).toBe(403);
    expect((await browser.postForm("/?index", { intent: "rename", boardId, title: "Observer was here" })).status).toBe(
      403,
    );
    expect(await boardTitle(boardId)).toBe("Secret board");
  });

  it("ATTACK-HTTP-5 expired and revoked invitation links are refused with 410", async () => {
    const expired = await remit.server.access.createInvite(chair.user.id, boardId, {
      role: "delegate",
      expiresInHours: 1,
      maxUses: null,
    });
    await remit.server.prisma.invite.update({
      where: { id: expired.invite.id },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    const revoked = await remit.server.access.createInvite(chair.user.id, boardId, {
      role: "delegate",
      expiresInHours: 1,
      maxUses: null,
    });
    await remit.server.access.revokeInvite(chair.user.id, boardId, revoked.invite.id);
    const browser = remit.browser(outsider);
    for (const token of [expired.token, revoked.token]) {
      expect((await browser.get(`/invite/${token}`)).status).toBe(410);
      expect((await browser.postForm(`/invite/${token}`, {})).status).toBe(410);
    }
    expect(await remit.server.access.getAccess(boardId, outsider.user.id)).toBeNull();
  });

  it("ATTACK-HTTP-6 login brute force hits the rate limit with 429", async () => {
    const browser = remit.browser(null);
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++)
      statuses.push((await browser.postForm("/login", { email: observer.user.email, password: `guess ${i}` })).status);
    expect(statuses.slice(0, 3)).toEqual([401, 401, 401]);
    expect(statuses.slice(3)).toEqual([429, 429]);
  });

  it("ATTACK-HTTP-7 documents carry a nonce CSP that forbids framing, and the other security headers", async () => {
    const response = await remit.getAs(chair, `/boards/${boardId}`);
    expect(response.status).toBe(200);
    const csp = response.headers.get("content-security-policy") ?? "";
    expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+'/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain("unsafe-eval");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("referrer-policy")).toBe("same-origin");
  });

  it("ATTACK-HTTP-8 malformed input is answered 400/422 naming the field, and changes nothing", async () => {
    const browser = remit.browser(chair);
    const badTitle = await browser.postForm("/?index", { intent: "rename", boardId, title: "" });
    expect(["title", badTitle.status]).toEqual(["title", 422]);
    const badIntent = await browser.postForm(`/boards/${boardId}/consensus`, { intent: "drop-tables" });
    expect(["intent", badIntent.status]).toEqual(["intent", 400]);
    const badPosition = await browser.postForm(`/boards/${boardId}/consensus`, {
      intent: "record-position",
      rowId: "nope",
      position: "veto",
    });
    expect(["position", badPosition.status, await badPosition.text()]).toEqual(["position", 422, expect.any(String)]);
    expect(await boardTitle(boardId)).toBe("Secret board");
    expect(otherBoardId).toBeTruthy();
  });
});
