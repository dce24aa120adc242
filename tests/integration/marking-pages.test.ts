/**
 * The marking banner on board pages and the releasability refusal of a page, over HTTP with the Remix app
 * (run `npx remix build` first).
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { TestAccount } from "../support/accounts";
import { givenBoard } from "../support/given-board";
import { givenAppServer } from "../support/given-server";

const remit = givenAppServer();
let chair: TestAccount;
let neutral: TestAccount;
let boardId: string;

beforeAll(async () => {
  ({
    chair,
    boardId,
    members: { neutral },
  } = await givenBoard(remit.server, {
    title: "Board",
    chair: ["Chair", "NATO-IS"],
    members: { neutral: ["Neutral", "IE", "delegate"] },
  }));
  await remit.server.markings.setMarking(chair.user.id, boardId, {
    marking: "RELEASABLE TO <list>",
    releasability: { kind: "preset", preset: "nato" },
  });
});

describe("marking pages", () => {
  it("MARK-4 every board page shows the marking at its top and bottom", async () => {
    for (const suffix of ["", "/activity", "/versions", "/members", "/import", "/marking"]) {
      const response = await remit.getAs(chair, `/boards/${boardId}${suffix}`);
      expect(response.status, suffix).toBe(200);
      const html = await response.text();
      expect(html, suffix).toContain('data-testid="marking-banner-top" data-marking="RELEASABLE TO NATO"');
      expect(html, suffix).toContain('data-testid="marking-banner-bottom" data-marking="RELEASABLE TO NATO"');
    }
    expect(await (await remit.getAs(chair, "/")).text()).not.toContain("marking-banner-top");
  });

  it("MARK-13 a member outside the list gets 403 naming the list on the board page and the export", async () => {
    for (const path of [`/boards/${boardId}`, `/boards/${boardId}/export?format=json&version=live`]) {
      const response = await remit.getAs(neutral, path);
      expect(response.status, path).toBe(403);
      if (!path.includes("export")) expect(await response.text(), path).toContain("NATO Allies only");
    }
  });
});
