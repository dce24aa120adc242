/**
 * FORMS-1: nothing a person typed is lost to a failed submission. The server refuses for real (a forged CSRF
 * token answers 403) or the network is down (context.setOffline): the comment, the reservation note and the
 * import panel's chosen file are still there, with a message saying it was not sent; sending again works.
 */
import { expect, test } from "@playwright/test";
import { createBoard, newPerson, signUp } from "./support/accounts";
import { openRowPanel, panel } from "./support/consensus";

const NOT_SENT_OFFLINE =
  "Not sent: you are offline. What you typed is still here; send it again when the connection returns.";
const NOT_SENT = "Not sent: the server refused it or could not answer. What you typed is still here; try again.";

test("FORMS-1 a refused or failed submission keeps the comment, the reservation note and the import file", async ({
  browser,
}) => {
  const { context, page } = await newPerson(browser);
  await signUp(page, { name: "Greta Vogel", delegation: "Germany" });
  await createBoard(page, "Keep input e2e");

  // 1. A comment the server refuses (403: forged CSRF token), then one sent while offline.
  await openRowPanel(page, "comments");
  const form = panel(page).getByTestId("comment-form");
  const body = form.getByTestId("comment-body");
  const typed = "A long considered comment that must survive whatever the network does.";
  await body.fill(typed);
  await form.locator('input[name="csrf"]').evaluate((input: HTMLInputElement) => (input.value = "forged"));
  await form.getByTestId("comment-submit").click();
  await expect(form.getByTestId("error-form")).toHaveText(NOT_SENT);
  await expect(body).toHaveValue(typed);
  await expect(page.getByTestId("board-title")).toBeVisible(); // still the board, not an error page

  await page.reload();
  await openRowPanel(page, "comments");
  await body.fill(typed);
  await context.setOffline(true);
  await form.getByTestId("comment-submit").click();
  await expect(form.getByTestId("error-form")).toHaveText(NOT_SENT_OFFLINE);
  await expect(body).toHaveValue(typed);
  await context.setOffline(false);
  await form.getByTestId("comment-submit").click();
  await expect(panel(page).getByTestId("comment")).toHaveCount(1);
  await expect(panel(page).getByTestId("comment")).toContainText(typed);
  await expect(body).toHaveValue(""); // cleared only once it is stored
  await expect(form.getByTestId("error-form")).toHaveCount(0);
  await page.keyboard.press("Escape");

  // 2. A reservation recorded while offline: the choice and the note stay.
  await openRowPanel(page, "status");
  const position = panel(page).getByTestId("position-form");
  await position.getByRole("radio", { name: "Reserve", exact: true }).check();
  const note = "Subject to parliamentary scrutiny reserve.";
  await position.getByLabel("Reservation").fill(note);
  await context.setOffline(true);
  await position.getByRole("button", { name: /^Record position/ }).click();
  await expect(position.getByTestId("error-form")).toHaveText(NOT_SENT_OFFLINE);
  await expect(position.getByLabel("Reservation")).toHaveValue(note);
  await expect(position.getByRole("radio", { name: "Reserve", exact: true })).toBeChecked();
  await context.setOffline(false);
  await position.getByRole("button", { name: /^Record position/ }).click();
  await expect(position.getByRole("status")).toHaveText("Position recorded.");
  await page.keyboard.press("Escape");

  // 3. The import panel: the chosen file stays chosen when the check cannot reach the server.
  const section = page.getByTestId("import-section");
  await section.locator("summary").click();
  const file = section.getByLabel("File");
  await file.setInputFiles({
    name: "threats.csv",
    mimeType: "text/csv",
    buffer: Buffer.from("Title,Category,Responsibility\nKept threat,cyber,NATO\n"),
  });
  await context.setOffline(true);
  await section.getByRole("button", { name: "Check file" }).click();
  await expect(section.getByTestId("import-status")).toHaveText(NOT_SENT_OFFLINE);
  expect(await file.evaluate((input: HTMLInputElement) => [...(input.files ?? [])].map((f) => f.name))).toEqual([
    "threats.csv",
  ]);
  await context.setOffline(false);
  await section.getByRole("button", { name: "Check file" }).click();
  await expect(section.getByTestId("import-preview")).toContainText("1 of 1 rows can be imported.");

  await context.close();
});
