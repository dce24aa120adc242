/**
 * FORMS-2: a comment sent after the session ended is not lost to the sign-in redirect. The session cookie is
 * removed (as an expiry or a sign-out elsewhere would leave the tab); the comment's submission is redirected to
 * sign-in, signing in leads back to the board, and the board shows the comment as typed.
 */
import { expect, test } from "@playwright/test";
import { createBoard, newPerson, PASSWORD, signUp } from "./support/accounts";
import { openRowPanel, panel } from "./support/consensus";

test("FORMS-2 what a submission carried when the session had ended is shown again after signing in", async ({
  browser,
}) => {
  const { context, page } = await newPerson(browser);
  const account = await signUp(page, { name: "Sina Sessionende", delegation: "Germany" });
  await createBoard(page, "Kept after sign-in e2e");
  const boardPath = new URL(page.url()).pathname;
  await openRowPanel(page, "comments");
  const form = panel(page).getByTestId("comment-form");
  const typed = "A comment typed while the session ran out.";
  await form.getByTestId("comment-body").fill(typed);

  await context.clearCookies({ name: "remit_session" });
  await form.getByTestId("comment-submit").click();
  await expect(page).toHaveURL(`/login?next=${encodeURIComponent(boardPath)}`);
  const login = page.getByTestId("login-form");
  await login.getByLabel("Email").fill(account.email);
  await login.getByLabel("Password").fill(PASSWORD);
  await login.getByRole("button", { name: "Sign in" }).click();

  await expect(page).toHaveURL(boardPath);
  const kept = page.getByTestId("kept-input");
  await expect(kept.getByTestId("kept-field").locator("textarea")).toHaveValue(typed);
  await kept.getByTestId("dismiss-kept-input").click();
  await expect(kept).toHaveCount(0);
  await page.reload();
  await expect(page.getByTestId("board-title")).toBeVisible();
  await expect(page.getByTestId("kept-input")).toHaveCount(0);
  await context.close();
});
