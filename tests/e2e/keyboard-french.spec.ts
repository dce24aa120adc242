/**
 * The main flow from the keyboard alone, in English and in French: create a
 * board from the template, set a responsibility, link an instrument, comment,
 * record a position, export the CSV. Only key presses after sign-up (Tab, arrows,
 * Enter, Space, Escape, typing): no click, no mouse. The French run's page, messages
 * and the exported file's header are French (the browser asks for French).
 */
import { expect, test, type Locator, type Page } from "@playwright/test";
import { parse } from "csv-parse/sync";
import { readFile } from "node:fs/promises";
import { signUpAnyLanguage, waitForSynced } from "./support/accounts";
import { row } from "./support/board";

/** Presses Tab until `target` has the focus (fails when it is not reachable that way). */
async function tabTo(page: Page, target: Locator, key: "Tab" | "Shift+Tab" = "Tab", max = 150): Promise<void> {
  const handle = await target.elementHandle();
  for (let i = 0; i < max; i++) {
    if (await handle!.evaluate((element) => element === document.activeElement)) return;
    await page.keyboard.press(key);
  }
  throw new Error(`not reachable with Tab: ${target}`);
}

const WORDS = {
  en: {
    browser: "en-GB",
    grid: "Threats and responsibilities",
    header: ["Title", "Category", "Responsibility", "Lead", "Instruments"],
    supported: "Support",
    delegation: "Estonia",
    firstThreat: "Cyberattack with effects comparable to an armed attack",
    // The picker's search (I18N-19): a name in English, a kind label and a word of the name in French.
    instrumentQuery: "Baltic Sentry",
    instrumentShown: "Baltic Sentry",
  },
  fr: {
    browser: "fr-FR",
    grid: "Menaces et responsabilités",
    header: ["Titre", "Catégorie", "Responsabilité", "Chef de file", "Instruments"],
    supported: "Soutien",
    delegation: "Estonie",
    firstThreat: "Cyberattaque aux effets comparables à une agression armée",
    instrumentQuery: "boîte hybrid",
    instrumentShown: "EU Hybrid Toolbox",
  },
} as const;

for (const locale of ["en", "fr"] as const) {
  const words = WORDS[locale];
  test(`A11Y-2 I18N-6 I18N-11 I18N-19 the whole flow from the keyboard alone (${locale})`, async ({ browser }) => {
    test.setTimeout(480_000); // a hang guard: axe on a 15-row board takes a while on a loaded machine
    const context = await browser.newContext({ locale: words.browser, acceptDownloads: true });
    const page = await context.newPage();

    // Sign up and in (set-up, not under test here: the account forms are covered elsewhere).
    await signUpAnyLanguage(page, "Kaja Keyboard", "EE");
    await expect(page.locator("html")).toHaveAttribute("lang", locale);

    // 1. A board from the starter template.
    const create = page.getByTestId("create-board-form");
    await tabTo(page, create.locator('[name="title"]'));
    await page.keyboard.type(`Keyboard ${locale}`);
    await tabTo(page, create.getByTestId("template-starter"));
    await page.keyboard.press("Space");
    await tabTo(page, create.locator('button[type="submit"]'));
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/\/boards\/[A-Za-z0-9_-]+$/);
    await waitForSynced(page);
    await expect(page.getByRole("grid", { name: words.grid })).toBeVisible();
    const first = row(page, 0);
    await expect(first.locator('input[data-field="title"]')).toHaveValue(words.firstThreat);

    // 2. Responsibility: into the grid (one Tab stop), right to the responsibility cell, arrows on the radios.
    await tabTo(page, page.locator('[role="gridcell"][tabindex="0"]'));
    await page.keyboard.press("Control+Home");
    await page.keyboard.press("ArrowRight");
    await expect(first.locator('[role="gridcell"][data-col="1"]')).toBeFocused();
    const before = await first.getAttribute("data-responsibility");
    await page.keyboard.press("Enter");
    await page.keyboard.press("ArrowRight");
    await expect(first).not.toHaveAttribute("data-responsibility", before ?? "");
    await page.keyboard.press("Escape");

    // 3. An instrument: the instruments cell, Tab to "Link instrument", type, Enter picks the first match.
    await page.keyboard.press("ArrowRight");
    const instrumentsCell = first.locator('[role="gridcell"][data-col="2"]');
    await expect(instrumentsCell).toBeFocused();
    await page.keyboard.press("Enter");
    const toggle = instrumentsCell.locator(".picker-toggle");
    for (let i = 0; i < 20 && !(await toggle.evaluate((el) => el === document.activeElement)); i++)
      await page.keyboard.press("Tab");
    await expect(toggle).toBeFocused();
    const linkedBefore = await instrumentsCell.locator(".chip-remove").count();
    await page.keyboard.press("Enter");
    await page.keyboard.type(words.instrumentQuery);
    await page.keyboard.press("Enter");
    await expect(instrumentsCell.locator(".chip-remove")).toHaveCount(linkedBefore + 1);
    await expect(instrumentsCell.locator(".chips")).toContainText(words.instrumentShown);
    await page.keyboard.press("Escape");
    await expect(instrumentsCell).toBeFocused();

    // 4. A comment: back to the first cell, Tab to the comments button, Enter opens the panel.
    await page.keyboard.press("Home");
    await page.keyboard.press("Enter");
    const commentsButton = first.getByTestId("row-comments-button");
    for (let i = 0; i < 20 && !(await commentsButton.evaluate((el) => el === document.activeElement)); i++)
      await page.keyboard.press("Tab");
    await expect(commentsButton).toBeFocused();
    await page.keyboard.press("Enter");
    const panel = page.getByTestId("row-panel");
    await expect(panel).toBeVisible();
    // Focus is inside the panel now (its heading, or the comment field when opened for comments).
    await expect(panel.locator(":focus")).toHaveCount(1);
    await tabTo(page, panel.getByTestId("comment-body"));
    await page.keyboard.type(locale === "fr" ? "Avis de la délégation estonienne" : "Estonia's view");
    await tabTo(page, panel.getByTestId("comment-submit"));
    await page.keyboard.press("Enter");
    await expect(panel.getByTestId("comment")).toHaveCount(1);

    // 5. A position: Tab to the position radios, Space picks the first (support), Enter on the form's button.
    const form = panel.getByTestId("position-form");
    await tabTo(page, form.locator('input[name="position"]').first());
    await page.keyboard.press("Space");
    await expect(form.locator('input[value="support"]')).toBeChecked();
    await tabTo(page, form.locator('button[type="submit"]'));
    await page.keyboard.press("Enter");
    await expect(panel.locator('[data-testid="position-entry"][data-delegation="EE"]')).toHaveAttribute(
      "data-position",
      "support",
    );
    await expect(panel.locator('[data-delegation="EE"] .position-value')).toHaveText(words.supported);
    // I18N-11: the delegation is named in the page's language.
    await expect(panel.locator('[data-delegation="EE"] .position-delegation')).toHaveText(words.delegation);
    await page.keyboard.press("Escape");
    await expect(panel).toHaveCount(0);
    await expect(commentsButton).toBeFocused();

    // 6. Export: out of the cell (Escape), back up the page to the board's pages, the versions page, CSV with Enter.
    await page.keyboard.press("Escape");
    await tabTo(page, page.getByTestId("versions-link"), "Shift+Tab");
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/\/versions$/);
    await expect(page.getByTestId("export-language")).toHaveValue(locale);
    const csvLink = page.locator('section.export-panel a[data-format="csv"]');
    await tabTo(page, csvLink);
    const [download] = await Promise.all([page.waitForEvent("download"), page.keyboard.press("Enter")]);
    const records: string[][] = parse(await readFile((await download.path())!), {
      bom: true,
      relax_column_count: true,
    });
    // Line 1 is the marking (MARK-5), line 2 the header.
    expect(records[0][0]).toBe("#remit:marking");
    expect(records[1].slice(0, 5)).toEqual(words.header);
    expect(records.find((record) => record[0] === "#remit:language")?.[1]).toBe(locale);
    expect(records.some((record) => record[0] === words.firstThreat)).toBe(true);
    // I18N-11: the file names the member delegations in its language.
    expect(records.find((record) => record[0] === "#remit:member" && record[1] === "EE")?.[2]).toBe(words.delegation);
    await context.close();
  });
}
