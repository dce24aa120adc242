/**
 * Route and service audit: plain HTTP against the real server with the built
 * Remix app. Each case checks the answer and that nothing changed.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { MAX_FORM_BYTES } from "../../app/lib/csrf.server";
import type { ImportApiResponse } from "../../core/import-contract";
import type { TestAccount } from "../support/accounts";
import { browserAs } from "../support/app-server";
import { givenBoard } from "../support/given-board";
import { givenAppServer, withAppServer } from "../support/given-server";
import { serverBoardJson } from "../support/board-editing";

const remit = givenAppServer();
let chair: TestAccount;
let delegate: TestAccount;
let institution: TestAccount;
let boardId: string;
let rowId: string;

beforeAll(async () => {
  ({
    chair,
    boardId,
    members: { delegate, institution },
  } = await givenBoard(remit.server, {
    title: "Audit board",
    template: "starter",
    chair: ["Chair", "FR"],
    members: { delegate: ["Delegate", "DE", "delegate"], institution: ["Staff", "NATO-IS", "delegate"] },
  }));
  rowId = (await serverBoardJson(remit.server, boardId)).rows[0].id;
});

const boardTitle = async () =>
  (await remit.server.prisma.board.findUniqueOrThrow({ where: { id: boardId }, select: { title: true } })).title;
const consensusPost = (account: TestAccount, fields: Record<string, string>) =>
  remit.postAs(account, `/boards/${boardId}/consensus`, fields);
/** What the board's consensus and instrument writes have left, compared before and after a refused request. */
const boardRecords = async () => ({
  positions: await remit.server.prisma.position.count({ where: { boardId } }),
  comments: await remit.server.prisma.comment.count({ where: { boardId } }),
  workflows: await remit.server.prisma.rowWorkflow.count({ where: { boardId } }),
  instruments: await remit.server.prisma.instrument.count({ where: { boardId } }),
});

describe("request bodies", () => {
  it("HARDEN-1 a form body over the limit answers 413 without being read into memory, and changes nothing", async () => {
    const anonymous = remit.browser(null);
    const sessions = await remit.server.prisma.session.count();
    const signIn = await anonymous.postForm("/login", {
      email: delegate.user.email,
      password: delegate.password,
      filler: "x".repeat(MAX_FORM_BYTES),
    });
    expect(signIn.status).toBe(413);
    expect(signIn.headers.get("set-cookie") ?? "").not.toContain("remit_session=");
    expect(await remit.server.prisma.session.count()).toBe(sessions);
    const rename = await remit.postAs(chair, "/?index", {
      intent: "rename",
      boardId,
      title: "Renamed",
      filler: "x".repeat(MAX_FORM_BYTES),
    });
    expect(rename.status).toBe(413);
    expect(await boardTitle()).toBe("Audit board");
  });

  it("HARDEN-2 a body that is not a form (JSON, none, broken multipart) answers 400, not 500", async () => {
    const browser = remit.browser(chair);
    const post = (path: string, init: RequestInit) => browser.request(path, { method: "POST", ...init });
    expect(
      (
        await post("/?index", {
          body: JSON.stringify({ csrf: browser.csrf, intent: "rename", boardId, title: "JSON" }),
          headers: { "Content-Type": "application/json" },
        })
      ).status,
    ).toBe(400);
    expect((await post(`/boards/${boardId}/consensus`, {})).status).toBe(400);
    expect(
      (await post("/logout", { body: "garbage", headers: { "Content-Type": "multipart/form-data; boundary=xyz" } }))
        .status,
    ).toBe(400);
    expect(await boardTitle()).toBe("Audit board");
  });
});

describe("redirects", () => {
  it("HARDEN-3 a `next` with characters a Location header cannot carry sends to / instead of failing after sign-in", async () => {
    const signedIn = await remit.getAs(chair, "/login?next=/%E2%82%AC");
    expect([signedIn.status, signedIn.headers.get("location")]).toEqual([302, "/"]);
    const signIn = await remit.postAs(null, "/login", {
      email: delegate.user.email,
      password: delegate.password,
      next: "/€",
    });
    expect([signIn.status, signIn.headers.get("location")]).toEqual([302, "/"]);
    expect(signIn.headers.get("set-cookie")).toContain("remit_session=");
    const encoded = await remit.getAs(chair, "/login?next=%2Fboards%2F" + boardId);
    expect(encoded.headers.get("location")).toBe(`/boards/${boardId}`);
  });
});

describe("board writes", () => {
  it("HARDEN-4 an archived board is read-only over HTTP too: positions, workflow, comments and instruments answer 403", async () => {
    // Other tests of this file record positions and instruments on the board: "nothing changed" is relative.
    const before = await boardRecords();
    await remit.server.services.setBoardArchived(boardId, true);
    try {
      const attempts: Record<string, string>[] = [
        { intent: "record-position", rowId, position: "support" },
        { intent: "propose", rowId, procedure: "consensus" },
        { intent: "comment-create", rowId, body: "Still here?" },
      ];
      for (const fields of attempts)
        expect([fields.intent, (await consensusPost(chair, fields)).status]).toEqual([fields.intent, 403]);
      const instrument = await remit.postAs(chair, `/boards/${boardId}`, {
        intent: "create-instrument",
        name: "Late treaty",
        owner: "NATO",
        kind: "treaty",
      });
      expect(instrument.status).toBe(403);
      expect((await consensusPost(chair, { intent: "mentions-read" })).status).toBe(200);
      expect(await boardRecords()).toEqual(before);
    } finally {
      await remit.server.services.setBoardArchived(boardId, false);
    }
  });

  it("HARDEN-5 an institution takes no national position: 403, and its objection cannot break silence", async () => {
    const deadline = new Date(Date.now() + 3600_000).toISOString();
    const { positions } = await boardRecords();
    expect(
      await remit.server.consensus.propose(chair.user.id, boardId, {
        rowId,
        procedure: "silence",
        silenceDeadline: deadline,
      }),
    ).toEqual({ ok: true });
    try {
      const objection = await consensusPost(institution, {
        intent: "record-position",
        rowId,
        position: "object",
        text: "We object",
      });
      expect(objection.status).toBe(403);
      expect((await boardRecords()).positions).toBe(positions);
      expect((await remit.server.consensus.getBoardConsensus(chair.user.id, boardId)).rows[rowId].workflow.state).toBe(
        "proposed",
      );
      // A national delegate still records its position.
      expect((await consensusPost(delegate, { intent: "record-position", rowId, position: "support" })).status).toBe(
        200,
      );
    } finally {
      await remit.server.consensus.reopen(chair.user.id, boardId, rowId);
    }
  });

  it("HARDEN-6 a comment on a row that does not exist, or an edit of a comment that does not, is 422 naming the field", async () => {
    const created = await consensusPost(delegate, { intent: "comment-create", rowId: "no-such-row", body: "Orphan" });
    expect(created.status).toBe(422);
    expect(await created.json()).toMatchObject({ ok: false, fieldErrors: { rowId: expect.any(String) } });
    expect(await remit.server.prisma.comment.count({ where: { boardId } })).toBe(0);
    for (const intent of ["comment-edit", "comment-delete"]) {
      const answer = await consensusPost(delegate, { intent, commentId: "no-such-comment", body: "Edited" });
      expect([intent, answer.status, await answer.json()]).toEqual([
        intent,
        422,
        expect.objectContaining({ fieldErrors: { commentId: expect.any(String) } }),
      ]);
    }
  });

  it("HARDEN-7 a silence deadline or time-zone offset that makes no date is 422 on silenceDeadline, not 500", async () => {
    for (const [silenceDeadline, timezoneOffset] of [
      ["2026-13-45T99:99", "0"],
      ["2026-11-26T14:00", "1e12"],
    ]) {
      const answer = await consensusPost(chair, {
        intent: "propose",
        rowId,
        procedure: "silence",
        silenceDeadline,
        timezoneOffset,
      });
      expect([silenceDeadline, answer.status]).toEqual([silenceDeadline, 422]);
      expect(await answer.json()).toMatchObject({ ok: false, fieldErrors: { silenceDeadline: expect.any(String) } });
    }
    expect(
      (await remit.server.consensus.getBoardConsensus(chair.user.id, boardId)).rows[rowId]?.workflow.state ?? "draft",
    ).toBe("draft");
  });
});

describe("import", () => {
  it("HARDEN-8 create-instruments sent as multipart (as the import panel does) works, and still needs the CSRF token", async () => {
    const browser = remit.browser(delegate);
    const parts = {
      intent: "create-instruments",
      instruments: JSON.stringify([
        { id: "file-1", name: "Imported accord", owner: "EU", kind: "treaty", year: 2020, reference: "" },
      ]),
    };
    const refused = await browser.postParts(`/boards/${boardId}/import.json`, parts, { csrf: "x".repeat(43) });
    expect(refused.status).toBe(403);
    expect(await remit.server.prisma.instrument.count({ where: { boardId } })).toBe(0);
    const created = await browser.postParts(`/boards/${boardId}/import.json`, parts);
    expect(created.status).toBe(200);
    const answer = (await created.json()) as ImportApiResponse;
    if (!answer.ok || answer.intent !== "create-instruments") throw new Error(JSON.stringify(answer));
    expect(
      (await remit.server.services.listInstruments(boardId)).find((i) => i.id === answer.idMap["file-1"])?.name,
    ).toBe("Imported accord");
  });
});

describe("accounts", () => {
  it("HARDEN-9 two sign-ups with one email at the same moment: one account, the same answer for both", async () => {
    const input = {
      email: `race.${Date.now()}@test.remit`,
      password: "correct horse battery",
      displayName: "Racer",
      delegationCode: "DE",
    };
    const results = await Promise.all([
      remit.server.auth.signUp(input, "10.9.0.1"),
      remit.server.auth.signUp(input, "10.9.0.1"),
    ]);
    expect(results).toEqual([
      { ok: true, accepted: true },
      { ok: true, accepted: true },
    ]);
    expect(await remit.server.prisma.user.count({ where: { email: input.email } })).toBe(1);
  });

  it("HARDEN-10 behind a proxy, a client-written X-Forwarded-For entry does not reset the per-IP sign-in limit", async () => {
    await withAppServer({ env: { TRUST_PROXY: "true", LOGIN_ATTEMPTS_PER_WINDOW: "1" } }, async (behindProxy) => {
      const statuses: number[] = [];
      // Per-IP limit is 4x the per-account one; a new account each time keeps the per-account limit out of it.
      for (let i = 0; i < 6; i++) {
        const browser = browserAs(behindProxy, null, { headers: { "X-Forwarded-For": `10.0.0.${i}, 203.0.113.7` } });
        const answer = await browser.postForm("/login", { email: `nobody${i}@test.remit`, password: "wrong password" });
        statuses.push(answer.status);
      }
      expect(statuses).toEqual([401, 401, 401, 401, 429, 429]);
    });
  });
});
