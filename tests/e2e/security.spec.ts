/**
 * CSP, hydration and CSRF in a real browser: every page hydrates under the
 * nonce-based policy with no console errors (CSP violations and hydration
 * mismatches are logged as errors), and a form post without the token is refused.
 */
import { expect, test } from "@playwright/test";
import { createBoard, signUp } from "./support/accounts";

test("pages hydrate under the CSP with a clean console; posts need the CSRF token", async ({ page }) => {
  const problems: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error" || message.type() === "warning")
      problems.push(`${message.type()}: ${message.text()}`);
  });
  page.on("pageerror", (error) => problems.push(`pageerror: ${error.message}`));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) =>
      console.error(
        `CSP violation: ${event.violatedDirective} ${event.blockedURI} ${event.sourceFile}:${event.lineNumber} ${location.pathname}`,
      ),
    );
  });

  const response = await page.goto("/signup");
  const policy = response?.headers()["content-security-policy"] ?? "";
  expect(policy).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+'/);
  expect(policy).toContain("frame-ancestors 'none'");
  const hydrated = () => page.evaluate(() => "__remixRouter" in window);
  await expect.poll(hydrated).toBe(true);

  await signUp(page, { name: "Sven Berg", delegation: "Sweden" });
  const boardId = await createBoard(page, "Security e2e");
  await expect.poll(hydrated).toBe(true);
  await page.getByTestId("activity-toggle").click();
  await expect(page.getByTestId("activity-panel")).toBeVisible();
  await page.getByTestId("members-link").click();
  await expect(page.getByTestId("member-table")).toBeVisible();
  await page.goto(`/boards/${boardId}/activity`);
  await expect(page.getByRole("heading", { name: "Activity on Security e2e" })).toBeVisible();
  await page.goto("/account");
  await expect(page.getByTestId("account-facts")).toContainText("Sven Berg");

  // The session and CSRF cookies are sent, but without the form field the action refuses.
  const forged = await page.request.post("/?index", {
    form: { intent: "create", title: "Forged", template: "empty" },
    maxRedirects: 0,
  });
  expect(forged.status()).toBe(403);
  const forgedInvite = await page.request.post(`/boards/${boardId}/members`, {
    form: { intent: "create-invite", role: "chair", expiresInHours: "1", uses: "multi" },
    maxRedirects: 0,
  });
  expect(forgedInvite.status()).toBe(403);

  expect(problems).toEqual([]);

  // An unknown invite token: 404 with the explanation (the browser logs the 404 itself).
  const badInvite = await page.goto(`/invite/${"x".repeat(43)}`);
  expect(badInvite?.status()).toBe(404);
  await expect(page.getByTestId("invite-problem")).toHaveAttribute("data-problem", "invalid");
});
