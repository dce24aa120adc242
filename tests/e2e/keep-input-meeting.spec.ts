/**
 * FORMS-1, the meeting's forms: a bracketed alternative's title, an agenda item's title and a record section's
 * text sent while offline (context.setOffline) stay as typed, with the message that they were not sent; sent
 * again online, they are stored.
 */
import { expect, test, type BrowserContext, type Locator } from "@playwright/test";
import { createBoard, newPerson, signUp } from "./support/accounts";
import { openRowPanel } from "./support/consensus";

const NOT_SENT_OFFLINE =
  "Not sent: you are offline. What you typed is still here; send it again when the connection returns.";

/** Submits offline (not sent, said so, the field keeps what was typed), then again online. */
async function sendOfflineThenOnline(
  context: BrowserContext,
  submit: Locator,
  message: Locator,
  field: Locator,
  typed: string,
): Promise<void> {
  await context.setOffline(true);
  await submit.click();
  await expect(message).toHaveText(NOT_SENT_OFFLINE);
  await expect(field).toHaveValue(typed);
  await context.setOffline(false);
  await submit.click();
}

test("FORMS-1 a bracketed alternative, an agenda item title and record notes sent offline keep what was typed", async ({
  browser,
}) => {
  const { context, page } = await newPerson(browser);
  await signUp(page, { name: "Mette Mødeleder", delegation: "Denmark" });
  const boardId = await createBoard(page, "Keep meeting input e2e");

  // 1. A bracketed alternative title.
  const brackets = (await openRowPanel(page, "status")).getByTestId("bracket-propose-form");
  await brackets.getByTestId("bracket-field").selectOption("title");
  const wording = "Hostile interference with undersea cables, as Denmark proposes";
  const input = brackets.getByTestId("bracket-title-input");
  await input.fill(wording);
  const submit = brackets.getByTestId("bracket-submit");
  await sendOfflineThenOnline(context, submit, brackets.getByTestId("error-form"), input, wording);
  await expect(page.getByTestId("bracket-alternative").filter({ hasText: wording })).toHaveCount(1);
  await page.keyboard.press("Escape");

  // 2. An agenda item's title.
  const agenda = page.getByTestId("agenda-item-form");
  const title = "Cables and clouds";
  await agenda.locator('[name="title"]').fill(title);
  await agenda.locator('[name="rowIds"]').selectOption({ index: 0 });
  const add = page.getByTestId("agenda-add");
  await sendOfflineThenOnline(context, add, agenda.getByTestId("error-form"), agenda.locator('[name="title"]'), title);
  await expect(page.getByTestId("agenda-item").filter({ hasText: title })).toHaveCount(1);

  // 3. A section of the meeting record.
  await page.goto(`/boards/${boardId}/record`);
  const open = page.getByTestId("open-record-form");
  await open.getByLabel("Meeting title").fill("Plenary");
  await open.getByRole("button", { name: "Open the meeting" }).click();
  await expect(page).toHaveURL(new RegExp(`/boards/${boardId}/record/1$`));
  const notes = page.getByTestId("section-text-decisions");
  const decision = "The Committee agreed to review cable protection in January.";
  await notes.fill(decision);
  const save = page.getByTestId("section-save-decisions");
  await sendOfflineThenOnline(context, save, page.getByTestId("error-form"), notes, decision);
  await expect(page.getByTestId("section-generated-decisions")).toBeVisible();
  await page.reload();
  await expect(page.getByTestId("section-text-decisions")).toHaveValue(decision);
  await context.close();
});
