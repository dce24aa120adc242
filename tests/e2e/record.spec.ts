/**
 * The record of a meeting across a chair and a delegate: the chair opens a
 * meeting from the board's navigation, edits a section and finalises; the
 * delegate, following the same link, reads the chair's text without any
 * editing control and downloads the record as Markdown.
 */
import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { createBoard, createInviteLink, newPerson, signUp, signUpAndJoin } from "./support/accounts";

const CHAIR = { name: "Chloé Martin", delegation: "NATO International Staff" };
const GERMANY = { name: "Anna Schmidt", delegation: "Germany" };
const DECISION = "The Committee took note of the report and agreed to meet again in January.";

test("RECORD-3 the chair edits and finalises the record; the delegate reads it and downloads it", async ({
  browser,
}) => {
  const chair = await newPerson(browser);
  const germany = await newPerson(browser);
  await signUp(chair.page, CHAIR);
  const boardId = await createBoard(chair.page, "Record e2e");
  const membersTab = await chair.context.newPage();
  const link = await createInviteLink(membersTab, boardId, "delegate");
  await membersTab.close();
  await signUpAndJoin(germany.page, link, GERMANY);

  await chair.page.getByTestId("record-link").click();
  await expect(chair.page).toHaveURL(new RegExp(`/boards/${boardId}/record$`));
  const form = chair.page.getByTestId("open-record-form");
  await form.getByLabel("Meeting title").fill("Plenary");
  await form.getByRole("button", { name: "Open the meeting" }).click();
  await expect(chair.page).toHaveURL(new RegExp(`/boards/${boardId}/record/1$`));
  await expect(chair.page.getByTestId("record-state")).toHaveAttribute("data-state", "open");
  await chair.page.getByTestId("section-text-decisions").fill(DECISION);
  await chair.page.getByTestId("section-save-decisions").click();
  await expect(chair.page.getByTestId("section-generated-decisions")).toBeVisible();
  await chair.page.getByTestId("record-finalise").click();
  await expect(chair.page.getByTestId("record-state")).toHaveAttribute("data-state", "final");
  await expect(chair.page.getByTestId("record-final")).toContainText("SHA-256");

  await germany.page.getByTestId("record-link").click();
  await germany.page.getByRole("link", { name: "Record of meeting 1: Plenary" }).click();
  await expect(germany.page.getByTestId("section-text-decisions")).toHaveText(DECISION);
  await expect(germany.page.locator("textarea")).toHaveCount(0);
  await expect(germany.page.getByTestId("record-actions")).toHaveCount(0);
  const exportForm = germany.page.getByTestId("record-export-form");
  await exportForm.getByLabel("Format").selectOption("md");
  const [download] = await Promise.all([
    germany.page.waitForEvent("download"),
    exportForm.getByRole("button", { name: "Download" }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^record-e2e-record-1-[\d-]+\.md$/);
  const markdown = readFileSync((await download.path())!, "utf8");
  expect(markdown).toContain("# Record of meeting 1 — Plenary");
  expect(markdown).toContain(DECISION);
  await chair.context.close();
  await germany.context.close();
});
