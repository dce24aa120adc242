/**
 * axe-core (WCAG 2.0/2.1 A and AA, WCAG 2.2 AA rules) on every page, in English and
 * in French: zero violations. The language comes from the browser (Accept-Language),
 * as it does for a visitor; selectors are by test id, name attribute or role so the
 * same walk runs in both languages.
 */
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { signUpAnyLanguage, waitForSynced } from "./support/accounts";
import { row } from "./support/board";

const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

async function expectNoViolations(page: Page, what: string): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  const found = violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  expect.soft(found, what).toEqual([]);
}

for (const [locale, browserLocale] of [
  ["en", "en-GB"],
  ["fr", "fr-FR"],
] as const) {
  test(`A11Y-1 every page has no WCAG 2.2 AA violation (${locale})`, async ({ browser }) => {
    test.setTimeout(480_000); // a hang guard: axe on a 15-row board takes a while on a loaded machine
    const context = await browser.newContext({ locale: browserLocale });
    const page = await context.newPage();

    for (const path of ["/login", "/signup"]) {
      await page.goto(path);
      await expect(page.locator("html")).toHaveAttribute("lang", locale);
      await expectNoViolations(page, path);
    }

    await signUpAnyLanguage(page, "Axe Checker", "EE");
    await expectNoViolations(page, "/");

    const create = page.getByTestId("create-board-form");
    await create.locator('[name="title"]').fill(`Axe ${locale}`);
    await create.getByTestId("template-starter").check();
    await create.locator('button[type="submit"]').click();
    await expect(page).toHaveURL(/\/boards\/[A-Za-z0-9_-]+$/);
    await waitForSynced(page);
    const boardId = new URL(page.url()).pathname.split("/").pop()!;
    await expect(row(page, 0)).toBeVisible();
    await expect(page.getByTestId("meeting-panel")).toBeVisible();
    await expectNoViolations(page, "board");

    // The meeting under way: an agenda item taken, the chair's hand raised and given the floor with a timer.
    const agendaForm = page.getByTestId("agenda-item-form");
    await agendaForm.locator('[name="title"]').fill("Axe item");
    await agendaForm.locator('[name="rowIds"]').selectOption({ index: 0 });
    await page.getByTestId("agenda-add").click();
    await expect(page.getByTestId("agenda-item")).toHaveCount(1);
    await page.getByTestId("agenda-next").click();
    await expect(page.getByTestId("agenda-item").first()).toHaveAttribute("data-current", "true");
    await page.getByTestId("floor-timer").selectOption("120");
    await expect(page.getByTestId("floor-timer")).toHaveValue("120");
    await page.getByTestId("raise-hand").click();
    await page.getByTestId("speaking-list-entry").getByRole("button").click();
    await expect(page.getByTestId("speaker-timer")).toBeVisible();
    await expectNoViolations(page, "board with the meeting under way");

    await page.getByTestId("activity-toggle").click();
    await expect(page.getByTestId("activity-panel")).toBeVisible();
    await expectNoViolations(page, "board with the activity panel");
    await page.keyboard.press("Escape");
    await row(page, 0).getByTestId("row-status-button").click();
    await expect(page.getByTestId("row-panel")).toBeVisible();
    await expectNoViolations(page, "board with a row panel");
    await page.keyboard.press("Escape");

    // Publish v1 (all threats) so the version and diff pages exist.
    await page.goto(`/boards/${boardId}/versions`);
    await expectNoViolations(page, "versions");
    const publish = page.getByTestId("publish-form");
    await publish.locator('[name="title"]').fill("Axe v1");
    await publish.locator('[name="scope"][value="all"]').check();
    await publish.locator('button[type="submit"]').click();
    await expect(page).toHaveURL(new RegExp(`/boards/${boardId}/versions/1$`));

    // Open a meeting record (the chair's editing view), with one section edited so the generated text shows too.
    await page.goto(`/boards/${boardId}/record`);
    await expectNoViolations(page, "meeting records");
    const openRecord = page.getByTestId("open-record-form");
    await openRecord.locator('[name="title"]').fill("Axe meeting");
    await openRecord.locator('button[type="submit"]').click();
    await expect(page).toHaveURL(new RegExp(`/boards/${boardId}/record/1$`));
    await page.getByTestId("section-text-items").fill("Edited by the chair");
    await page.getByTestId("section-save-items").click();
    await expect(page.getByTestId("section-generated-items")).toBeVisible();
    await expectNoViolations(page, "meeting record with an edited section");

    for (const path of [
      `/boards/${boardId}/versions/1`,
      `/boards/${boardId}/diff?from=1&to=live`,
      `/boards/${boardId}/members`,
      `/boards/${boardId}/import`,
      `/boards/${boardId}/activity`,
      "/account",
      "/no-such-page",
    ]) {
      await page.goto(path);
      await expect(page.locator("h1")).toBeVisible();
      await expect(page.locator("html")).toHaveAttribute("lang", locale);
      await expectNoViolations(page, path);
    }
    await context.close();
  });
}
