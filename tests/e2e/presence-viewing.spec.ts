/**
 * Issue 10 §3-4 and issue 11 #6 in a real browser: presence is stamped by the server (an observer who clicks a cell
 * is "viewing" it, a delegate or chair "editing"), a right-to-left display name stays isolated in the presence
 * avatar's label and tooltip and in the cell's "… is viewing", and "@Name" typed by hand reaches the person it names.
 */
import { expect, test, type Page } from "@playwright/test";
import { createBoard, createInviteLink, newPerson, signUp, signUpAndJoin } from "./support/accounts";
import { row, titleInput } from "./support/board";

const CHAIR = { name: "Ada Keller", delegation: "Germany" };
// A display name holding RIGHT-TO-LEFT OVERRIDE: shown unisolated it would reverse the text after it.
const OBSERVER = { name: "Eve \u202Eecnarf", delegation: "France" };
const FSI = "\u2068";
const PDI = "\u2069";

const titleCell = (page: Page, index: number) => row(page, index).locator('[role="gridcell"]').first();

test("HARDEN-56 an observer's focus shows as viewing, the chair's as editing; a right-to-left name is isolated in labels, tooltips and the cell", async ({
  browser,
}) => {
  const chair = await newPerson(browser);
  const observer = await newPerson(browser);
  await signUp(chair.page, CHAIR);
  const boardId = await createBoard(chair.page, "Presence e2e");
  const membersTab = await chair.context.newPage();
  const link = await createInviteLink(membersTab, boardId, "observer");
  await membersTab.close();
  await signUpAndJoin(observer.page, link, OBSERVER);

  // The observer's avatar on the chair's page: the name isolated in its accessible label and its tooltip.
  const avatar = chair.page.locator(`[data-testid="presence-avatar"]:not([data-self])`);
  await expect(avatar).toHaveCount(1);
  const isolated = `${FSI}${OBSERVER.name}${PDI} (${OBSERVER.delegation})`;
  await expect(avatar).toHaveAttribute("aria-label", isolated);
  await expect(avatar).toHaveAttribute("title", isolated);
  await expect(avatar.locator("span").first()).toHaveText("EE");

  // The observer clicks a title: the chair sees them viewing it (never editing), with the name isolated.
  await titleInput(row(observer.page, 1)).click();
  const viewing = titleCell(chair.page, 1).getByTestId("cell-viewing");
  await expect(viewing).toHaveText(`${FSI}${OBSERVER.name}${PDI} is viewing`);
  await expect(titleCell(chair.page, 1).getByTestId("cell-editing")).toHaveCount(0);
  const visualOrder = await viewing.evaluate((element) => getComputedStyle(element).unicodeBidi);
  expect(visualOrder).toBe("isolate");

  // The chair clicks another title: the observer sees the chair editing it.
  await titleInput(row(chair.page, 2)).click();
  await expect(titleCell(observer.page, 2).getByTestId("cell-editing")).toHaveText(`${CHAIR.name} is editing`);
  // Focus moves on: the old cell no longer shows the observer.
  await titleInput(row(observer.page, 3)).click();
  await expect(titleCell(chair.page, 1).getByTestId("cell-presence")).toHaveCount(0);
  await expect(titleCell(chair.page, 3).getByTestId("cell-viewing")).toBeVisible();

  // "@Name" typed by hand in a comment: the form says what it matched, and the observer is notified.
  await row(chair.page, 0).getByTestId("row-comments-button").click();
  const form = chair.page.getByTestId("row-panel").getByTestId("comment-form");
  await form.getByTestId("comment-body").fill(`@Nobody Here and @${OBSERVER.name}, please note.`);
  await expect(form.getByTestId("mention-unresolved")).toHaveText(
    "@Nobody matches no member or delegation of this board: nobody will be notified.",
  );
  await expect(form.getByTestId("mention-typed")).toHaveText(`@${OBSERVER.name}`);
  await form.getByTestId("comment-submit").click();
  await expect(form.getByTestId("comment-body")).toHaveValue("");

  await row(observer.page, 0).getByTestId("row-comments-button").click();
  const comment = observer.page.getByTestId("row-panel").getByTestId("comment");
  await expect(comment).toHaveCount(1);
  await expect(comment.locator(".badge-mention")).toBeVisible();

  await chair.context.close();
  await observer.context.close();
});
