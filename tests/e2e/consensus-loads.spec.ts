/**
 * Recording one position reads the consensus data once in the acting tab (the action's revalidation), not a second
 * time for the board event the same action causes, and reloads no page loader (the board's reads the whole document).
 */
import { expect, test, type Request } from "@playwright/test";
import { createBoard, createInviteLink, newPerson, signUp, signUpAndJoin } from "./support/accounts";
import { avatarOf } from "./support/board";
import { openRowPanel, positionOf, recordPosition } from "./support/consensus";

const GERMANY = { name: "Anna Schmidt", delegation: "Germany" };
const FRANCE = { name: "Fabien Roux", delegation: "France" };

test("CONSENSUS-UI-1 CONSENSUS-UI-2 one position, one read of the consensus data and no board reload", async ({
  browser,
}) => {
  const germany = await newPerson(browser);
  const france = await newPerson(browser);
  await signUp(germany.page, GERMANY);
  const boardId = await createBoard(germany.page, "Loads e2e");
  const membersTab = await germany.context.newPage();
  const link = await createInviteLink(membersTab, boardId, "delegate");
  await membersTab.close();
  await signUpAndJoin(france.page, link, FRANCE);
  // Everyone is on the board before counting (a newcomer triggers a reload of their own).
  await expect(avatarOf(germany.page, FRANCE.name, FRANCE.delegation)).toBeVisible();
  await openRowPanel(germany.page);
  await openRowPanel(france.page);

  const reads: string[] = [];
  const boardPath = `/boards/${boardId}`;
  germany.page.on("request", (request: Request) => {
    if (request.method() !== "GET") return;
    const url = new URL(request.url());
    if (url.pathname.startsWith(`${boardPath}/consensus`)) reads.push("consensus");
    else if (url.pathname === boardPath || url.pathname === `${boardPath}.data`) reads.push(`page ${url.search}`);
  });

  await recordPosition(germany.page, "Support");
  // France's position comes after Germany's own event on the same socket: once Germany shows it, Germany's own
  // event has been handled too.
  await recordPosition(france.page, "Reserve", { label: "Reservation", value: "Subject to capital" });
  await expect(positionOf(germany.page, "FR")).toHaveAttribute("data-position", "reserve");

  // One read after our own action (its revalidation) and one for France's event; no page loader (board or root).
  expect(reads).toEqual(["consensus", "consensus"]);
});
