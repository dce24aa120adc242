/**
 * Recording one position reads the consensus data once in the acting tab (the action's revalidation), not a second
 * time for the board event the same action causes, and never reloads the board page (the whole document).
 */
import { expect, test, type Page, type Request } from "@playwright/test";
import { createBoard, createInviteLink, newPerson, signUp, signUpAndJoin } from "./support/accounts";
import { avatarOf, row } from "./support/board";

const GERMANY = { name: "Anna Schmidt", delegation: "Germany" };
const FRANCE = { name: "Fabien Roux", delegation: "France" };

const panel = (page: Page) => page.getByTestId("row-panel");

async function openStatusPanel(page: Page) {
  await row(page, 0).getByTestId("row-status-button").click();
  await expect(panel(page)).toBeVisible();
}

async function recordPosition(page: Page, position: string, text?: { label: string; value: string }) {
  const form = panel(page).getByTestId("position-form");
  await form.getByRole("radio", { name: position, exact: true }).check();
  if (text) await form.getByLabel(text.label).fill(text.value);
  await form.getByRole("button", { name: /^Record position/ }).click();
  await expect(form.getByRole("status")).toHaveText("Position recorded.");
}

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
  await openStatusPanel(germany.page);
  await openStatusPanel(france.page);

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
  const french = panel(germany.page).locator('[data-testid="position-entry"][data-delegation="FR"]');
  await expect(french).toHaveAttribute("data-position", "reserve");

  // One read after our own action (its revalidation) and one for France's event; no page loader (board or root).
  expect(reads).toEqual(["consensus", "consensus"]);
});
