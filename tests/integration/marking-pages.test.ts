/**
 * The marking banner on board pages and the releasability refusal of a page, over HTTP with the Remix app
 * (run `npx remix build` first).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addMember, createAccount, type TestAccount } from "../support/accounts";
import { browserAs, startTestServerWithApp, type AppTestServer } from "../support/app-server";
import { createTestDatabase, type TestDatabase } from "../support/test-server";

let database: TestDatabase;
let app: AppTestServer;
let chair: TestAccount;
let neutral: TestAccount;
let boardId: string;

beforeAll(async () => {
  database = createTestDatabase();
  app = await startTestServerWithApp(database);
  chair = await createAccount(app.server, "Chair", "NATO-IS");
  neutral = await createAccount(app.server, "Neutral", "IE");
  boardId = (await app.server.access.createBoard(chair.user.id, { title: "Board", template: "empty" })).id;
  await addMember(app.server, chair, boardId, neutral, "delegate");
  await app.server.markings.setMarking(chair.user.id, boardId, {
    marking: "RELEASABLE TO <list>",
    releasability: { kind: "preset", preset: "nato" },
  });
});

afterAll(async () => {
  await app.server.stop();
  database.dispose();
});

describe("marking pages", () => {
  it("MARK-4 every board page shows the marking at its top and bottom", async () => {
    for (const suffix of ["", "/activity", "/versions", "/members", "/import", "/marking"]) {
      const response = await browserAs(app.server, chair).get(`/boards/${boardId}${suffix}`);
      expect(response.status, suffix).toBe(200);
      const html = await response.text();
      expect(html, suffix).toContain('data-testid="marking-banner-top" data-marking="RELEASABLE TO NATO"');
      expect(html, suffix).toContain('data-testid="marking-banner-bottom" data-marking="RELEASABLE TO NATO"');
    }
    expect(await (await browserAs(app.server, chair).get("/")).text()).not.toContain("marking-banner-top");
  });

  it("MARK-13 a member outside the list gets 403 naming the list on the board page and the export", async () => {
    for (const path of [`/boards/${boardId}`, `/boards/${boardId}/export?format=json&version=live`]) {
      const response = await browserAs(app.server, neutral).get(path);
      expect(response.status, path).toBe(403);
      if (!path.includes("export")) expect(await response.text(), path).toContain("NATO Allies only");
    }
  });
});
