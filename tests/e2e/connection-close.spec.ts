/**
 * I18N-10: when the server closes the board's connection, the page says why in the reader's language and, when
 * reconnecting cannot help, stops trying. Here the chair removes two members while their board is open: one
 * reads English, the other French.
 */
import { expect, test, type Page } from "@playwright/test";
import {
  createBoard,
  createInviteLink,
  newPerson,
  signUp,
  signUpAndJoin,
  signUpAnyLanguage,
  waitForSynced,
} from "./support/accounts";

const CHAIR = { name: "Claire Dubois", delegation: "France" };
const ENGLISH = { name: "Erik Larsen", delegation: "Denmark" };
const FRENCH = "Florence Martin";

async function removeMember(members: Page, boardId: string, name: string) {
  await members.goto(`/boards/${boardId}/members`);
  const row = members.getByTestId("member-row").filter({ hasText: name });
  await row.getByTestId("remove-member").click();
  await row.getByTestId("confirm-remove").click();
  await expect(members.getByTestId("member-row").filter({ hasText: name })).toHaveCount(0);
}

test("I18N-10 a member removed while the board is open is told why, in English and in French, and the page stops reconnecting", async ({
  browser,
}) => {
  const chair = await newPerson(browser);
  await signUp(chair.page, CHAIR);
  const boardId = await createBoard(chair.page, "Close codes e2e");
  const members = await chair.context.newPage();
  const english = await newPerson(browser);
  await signUpAndJoin(english.page, await createInviteLink(members, boardId, "delegate"), ENGLISH);

  const frenchContext = await browser.newContext({ locale: "fr-FR" });
  const french = await frenchContext.newPage();
  const frenchLink = await createInviteLink(members, boardId, "delegate");
  await signUpAnyLanguage(french, FRENCH, "EE");
  await french.goto(frenchLink);
  await french.getByTestId("join-board").click();
  await expect(french).toHaveURL(/\/boards\/[A-Za-z0-9_-]+$/);
  await waitForSynced(french);
  await expect(french.locator("html")).toHaveAttribute("lang", "fr");

  // Count the sockets each page opens from now on: a permanent close must not be followed by another.
  const opened = { english: 0, french: 0 };
  english.page.on("websocket", () => (opened.english += 1));
  french.on("websocket", () => (opened.french += 1));

  await removeMember(members, boardId, ENGLISH.name);
  const englishBanner = english.page.getByTestId("connection-closed");
  await expect(englishBanner).toHaveAttribute("data-close-code", "4403");
  await expect(englishBanner).toContainText(
    "You are no longer a member of this board. Ask the chair if you need access again. The board will not reconnect by itself.",
  );
  await expect(english.page.getByTestId("connection-status")).toHaveAttribute("data-status", "offline");
  // The server's close reason is protocol text: never shown.
  await expect(englishBanner).not.toContainText("member-removed");

  await removeMember(members, boardId, FRENCH);
  // The English page has had all the time the French removal took to try again: it did not.
  expect(opened.english).toBe(0);
  const frenchBanner = french.getByTestId("connection-closed");
  await expect(frenchBanner).toHaveAttribute("data-close-code", "4403");
  await expect(frenchBanner).toContainText("Vous n'êtes plus membre de ce tableau.");
  await expect(frenchBanner).toContainText("Le tableau ne se reconnectera pas de lui-même.");
  await expect(french.getByTestId("connection-status")).toHaveAttribute("data-status", "offline");

  for (const context of [chair.context, english.context, frenchContext]) await context.close();
});
