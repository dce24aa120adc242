/**
 * Issue 2: two people on one board see each other's edits and presence live,
 * and everything is still there after a reload.
 */
import { expect, test } from "@playwright/test";
import { createBoard, createInviteLink, newPerson, signUp, signUpAndJoin, waitForSynced } from "./support/accounts";
import { appendToTitle, avatarOf, row, rows, setResponsibility, summaryCounts, titleInput } from "./support/board";

const ANNA = { name: "Anna Schmidt", delegation: "Germany" };
const BRUNO = { name: "Bruno Costa", delegation: "Portugal" };

test("a chair and an invited delegate edit one board live; a reload keeps everything", async ({ browser }) => {
  const anna = await newPerson(browser);
  const bruno = await newPerson(browser);

  await signUp(anna.page, ANNA);
  const boardId = await createBoard(anna.page, "Live board e2e");
  await expect(rows(anna.page)).toHaveCount(15);

  // Anna invites Bruno as a delegate from a second tab; Bruno signs up from the link and joins.
  const membersTab = await anna.context.newPage();
  const link = await createInviteLink(membersTab, boardId, "delegate");
  await membersTab.close();
  await signUpAndJoin(bruno.page, link, BRUNO);
  await expect(bruno.page).toHaveURL(new RegExp(`/boards/${boardId}$`));
  await expect(rows(bruno.page)).toHaveCount(15);
  await expect(bruno.page.getByTestId("role-badge")).toHaveAttribute("data-role", "delegate");

  // Both see each other.
  await expect(avatarOf(anna.page, BRUNO.name, BRUNO.delegation)).toBeVisible();
  await expect(avatarOf(bruno.page, ANNA.name, ANNA.delegation)).toBeVisible();

  // Anna changes a responsibility; Bruno sees it.
  const current = await row(anna.page, 0).getAttribute("data-responsibility");
  const next = current === "Shared" ? "EU" : "Shared";
  await setResponsibility(row(anna.page, 0), next);
  await expect(row(bruno.page, 0)).toHaveAttribute("data-responsibility", next);

  // Anna types into a title while Bruno watches it appear.
  const original = await titleInput(row(anna.page, 1)).inputValue();
  await appendToTitle(row(anna.page, 1), " (live)");
  await expect(titleInput(row(bruno.page, 1))).toHaveValue(`${original} (live)`);

  // Bruno edits too, and Anna sees it.
  await appendToTitle(row(bruno.page, 2), " – checked");
  await expect(titleInput(row(anna.page, 2))).toHaveValue(/ – checked$/);

  const counts = await summaryCounts(anna.page);
  await expect.poll(() => summaryCounts(bruno.page)).toEqual(counts);

  // After a reload Bruno finds everything as it was.
  await bruno.page.reload();
  await waitForSynced(bruno.page);
  await expect(rows(bruno.page)).toHaveCount(15);
  await expect(row(bruno.page, 0)).toHaveAttribute("data-responsibility", next);
  await expect(titleInput(row(bruno.page, 1))).toHaveValue(`${original} (live)`);
  await expect(titleInput(row(bruno.page, 2))).toHaveValue(/ – checked$/);
  expect(await summaryCounts(bruno.page)).toEqual(counts);
  await expect(avatarOf(bruno.page, ANNA.name, ANNA.delegation)).toBeVisible();

  await anna.context.close();
  await bruno.context.close();
});
