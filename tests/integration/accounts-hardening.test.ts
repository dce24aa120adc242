/**
 * Accounts and sign-in a meeting can rely on (issue 10, section 2): limits that count failures only,
 * sign-up that does not tell who has an account, sockets that close when their session ends (also when
 * another process ended it), invite links a removed member cannot reuse, proxy and cache headers.
 */
import { spawn } from "node:child_process";
import { beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { CloseCode } from "../../core/collab-protocol";
import type { RemitServer } from "../../server/remit-server";
import { addMember, createAccount, type TestAccount } from "../support/accounts";
import { openCollabSocket, waitFor } from "../support/collab-client";
import { FakeClock } from "../support/fake-clock";
import { givenBoard } from "../support/given-board";
import { givenAppServer, withAppServer } from "../support/given-server";

/** The server's clock: sign-in back-offs end when a test moves it, not after a real wait. */
const clock = new FakeClock(Date.now());
const remit = givenAppServer({
  env: { LOGIN_ATTEMPTS_PER_WINDOW: "3", SIGNUPS_PER_HOUR: "4", SESSION_RECHECK_SECONDS: "1" },
  options: { clock },
});
let chair: TestAccount;
let delegate: TestAccount;
let boardId: string;

beforeAll(async () => {
  ({
    chair,
    boardId,
    members: { delegate },
  } = await givenBoard(remit.server, {
    title: "Accounts board",
    template: "starter",
    chair: ["Chair", "NATO-IS"],
    members: { delegate: ["Delegate", "FR", "delegate"] },
  }));
}, 60_000);

function openSocket(target: RemitServer, cookie: string, board = boardId): Promise<WebSocket> {
  const socket = openCollabSocket(target.url, board, cookie);
  return new Promise((resolve, reject) => {
    socket.once("open", () => resolve(socket));
    socket.once("close", (code) => reject(new Error(`closed ${code} before opening`)));
  });
}

const closeCode = (socket: WebSocket) =>
  new Promise<number>((resolve) => {
    if (socket.readyState === WebSocket.CLOSED) resolve(-1);
    socket.once("close", (code) => resolve(code));
  });

async function signIn(account: TestAccount): Promise<TestAccount> {
  const result = await remit.server.auth.signIn({ email: account.user.email, password: account.password }, "10.3.0.1");
  if (!result.ok) throw new Error("sign-in failed");
  return { ...account, sessionToken: result.sessionToken, cookie: `remit_session=${result.sessionToken}` };
}

/** Runs `npm run admin:reset-password` as its own process, as an administrator would. */
function runResetScript(databaseUrl: string, email: string, password: string): Promise<number> {
  const child = spawn(process.execPath, ["node_modules/tsx/dist/cli.mjs", "scripts/reset-password.ts", email], {
    env: { ...process.env, DATABASE_URL: databaseUrl, REMIT_NEW_PASSWORD: password },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  return new Promise((resolve) =>
    child.on("exit", (code) => {
      if (code !== 0 && process.env.DEBUG_RESET) console.log(output);
      resolve(code ?? -1);
    }),
  );
}

describe("sign-in limits", () => {
  it("HARDEN-11 a delegation behind one address signs in 25 times in a row: failures alone are limited", async () => {
    const office = remit.browser(null);
    const statuses: number[] = [];
    for (let i = 0; i < 25; i++)
      statuses.push(
        (await office.postForm("/login", { email: delegate.user.email, password: delegate.password })).status,
      );
    expect(statuses).toEqual(Array(25).fill(302));
  });

  it("HARDEN-12 wrong passwords typed by an attacker stop the attacker, the owner elsewhere waits a second", async () => {
    const victim = await createAccount(remit.server, "Victim", "PL");
    const attempt = (ip: string, password: string) =>
      remit.server.auth.signIn({ email: victim.user.email, password }, ip);
    for (let i = 0; i < 3; i++) expect(await attempt("198.51.100.9", `guess ${i}`)).toMatchObject({ ok: false });
    expect(await attempt("198.51.100.9", victim.password)).toMatchObject({ reason: "rate-limited" });
    // The owner, from another address: a one-second back-off, never a 15-minute lockout.
    expect(await attempt("192.0.2.1", victim.password)).toMatchObject({ reason: "rate-limited", retryAfterSeconds: 1 });
    clock.advance(1000);
    expect((await attempt("192.0.2.1", victim.password)).ok).toBe(true);
  });
});

describe("sign-up", () => {
  it("HARDEN-14 a taken email gets exactly the new-email answer (no session either way); sign-ups are throttled per client", async () => {
    const visitor = remit.browser(null, { headers: { "X-Forwarded-For": "ignored" } });
    const post = (email: string) =>
      visitor.postForm("/signup", {
        email,
        password: "lantern orchard pebble",
        displayName: "Somebody",
        delegationCode: "DE",
      });
    const users = await remit.server.prisma.user.count();
    const fresh = await post(`fresh.${Date.now()}@test.remit`);
    const taken = await post(delegate.user.email);
    for (const answer of [fresh, taken]) {
      expect(answer.status).toBe(302);
      expect(answer.headers.get("location")).toBe("/login?registered=1");
      expect(answer.headers.get("set-cookie") ?? "").not.toContain("remit_session=");
    }
    expect(await fresh.text()).toBe(await taken.text());
    expect(await remit.server.prisma.user.count()).toBe(users + 1);
    // The taken account is untouched: its owner's password still works.
    expect((await remit.server.auth.signIn({ email: delegate.user.email, password: delegate.password }, "x")).ok).toBe(
      true,
    );
    // SIGNUPS_PER_HOUR=4 in this server (the earlier posts counted too).
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++) statuses.push((await post(`burst.${i}.${Date.now()}@test.remit`)).status);
    expect(statuses).toEqual([302, 302, 429]);
  });
});

describe("sessions and sockets", () => {
  it("HARDEN-15 signing out closes the sockets that session opened, at once (other sessions' sockets stay)", async () => {
    const session = await signIn(delegate);
    const other = await signIn(delegate);
    const socket = await openSocket(remit.server, session.cookie);
    const otherSocket = await openSocket(remit.server, other.cookie);
    const closed = closeCode(socket);
    const logout = await remit.postAs(session, "/logout", {});
    expect(logout.status).toBe(302);
    expect(await closed).toBe(CloseCode.unauthenticated);
    expect(otherSocket.readyState).toBe(WebSocket.OPEN);
    otherSocket.close();
  });

  it("HARDEN-15 `npm run admin:reset-password` in another process closes the account's open sockets (SQLite)", async () => {
    const person = await createAccount(remit.server, "Reset Person", "DE");
    await addMember(remit.server, chair, boardId, person, "delegate");
    const socket = await openSocket(remit.server, person.cookie);
    const closed = closeCode(socket);
    expect(await runResetScript(remit.database.url, person.user.email, "a brand new lantern phrase")).toBe(0);
    expect(await closed).toBe(CloseCode.unauthenticated);
    expect((await remit.server.auth.signIn({ email: person.user.email, password: person.password }, "y")).ok).toBe(
      false,
    );
  }, 60_000);

  it("HARDEN-15 on PostgreSQL too: a reset by the script closes the sockets of the running server", async () => {
    await withAppServer(
      { database: "postgres", env: { SESSION_RECHECK_SECONDS: "1" } },
      async (pgServer, pgDatabase) => {
        const pgChair = await createAccount(pgServer, "PG Chair", "NATO-IS");
        const board = (await pgServer.access.createBoard(pgChair.user.id, { title: "PG", template: "empty" })).id;
        const socket = await openSocket(pgServer, pgChair.cookie, board);
        const closed = closeCode(socket);
        expect(await runResetScript(pgDatabase.url, pgChair.user.email, "a brand new lantern phrase")).toBe(0);
        expect(await closed).toBe(CloseCode.unauthenticated);
      },
    );
  }, 90_000);
});

describe("invites", () => {
  it("HARDEN-17 a removed member cannot come back through a multi-use link they still hold; a new link or the chair can", async () => {
    const member = await createAccount(remit.server, "Removed Member", "IT");
    const old = await remit.server.access.createInvite(chair.user.id, boardId, {
      role: "delegate",
      expiresInHours: 24,
      maxUses: null,
    });
    const browser = remit.browser(member);
    expect((await browser.postForm(`/invite/${old.token}`, {})).status).toBe(302);
    await remit.server.access.removeMember(chair.user.id, boardId, member.user.id);
    const again = await browser.postForm(`/invite/${old.token}`, {});
    expect(again.status).toBe(403);
    expect(await remit.server.access.getAccess(boardId, member.user.id)).toBeNull();
    // Only a link made after the removal lets them in: wait until the clock has left the removal's millisecond.
    const { removedAt } = await remit.server.prisma.boardRemoval.findUniqueOrThrow({
      where: { boardId_userId: { boardId, userId: member.user.id } },
      select: { removedAt: true },
    });
    await waitFor(() => Date.now() > removedAt.getTime(), "a later millisecond than the removal");
    const fresh = await remit.server.access.createInvite(chair.user.id, boardId, {
      role: "observer",
      expiresInHours: 24,
      maxUses: null,
    });
    expect((await browser.postForm(`/invite/${fresh.token}`, {})).status).toBe(302);
    expect((await remit.server.access.getAccess(boardId, member.user.id))?.role).toBe("observer");
  });
});

describe("headers", () => {
  it("HARDEN-18 pages and data carrying board content are `private, no-store`; static assets stay cacheable", async () => {
    const browser = remit.browser(chair);
    for (const path of [`/boards/${boardId}`, `/boards/${boardId}/consensus`, "/", `/boards/${boardId}/activity`]) {
      const response = await browser.get(path);
      expect([path, response.status, response.headers.get("cache-control")]).toEqual([path, 200, "private, no-store"]);
    }
    const data = await browser.get(`/boards/${boardId}.data`);
    expect(data.headers.get("cache-control")).toBe("private, no-store");
    expect((await browser.get("/favicon.svg")).headers.get("cache-control") ?? "").not.toContain("no-store");
  });

  it("HARDEN-16 HSTS only when the request came over https through the trusted proxy", async () => {
    await withAppServer({ env: { TRUST_PROXY: "true" } }, async (behindProxy) => {
      const get = (headers: Record<string, string>) => fetch(`${behindProxy.url}/login`, { headers });
      expect((await get({ "X-Forwarded-Proto": "https" })).headers.get("strict-transport-security")).toMatch(
        /max-age=\d+/,
      );
      expect((await get({ "X-Forwarded-Proto": "http" })).headers.get("strict-transport-security")).toBeNull();
      // Without TRUST_PROXY a client-written X-Forwarded-Proto means nothing.
      expect(
        (await fetch(`${remit.server.url}/login`, { headers: { "X-Forwarded-Proto": "https" } })).headers.get(
          "strict-transport-security",
        ),
      ).toBeNull();
    });
  });
});
