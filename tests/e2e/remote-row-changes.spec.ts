/**
 * Someone else changes the row this person is on, on a board large enough for the windowed grid (GRID-3):
 * the change is said politely and not too often (A11Y-3), and the focus stays where it was when the row
 * re-renders, or moves to the row that took its place when the row is deleted (GRID-4).
 */
import { expect, test, type Page } from "@playwright/test";
import { createBoard, createInviteLink, newPerson, signUp, signUpAndJoin } from "./support/accounts";
import { row, titleInput } from "./support/board";
import { csvFile } from "./support/versions";

const ANNA = { name: "Anna Schmidt", delegation: "Germany" };
const BRUNO = { name: "Bruno Costa", delegation: "Portugal" };

/** Every text the row announcer says, with the time it was said (performance.now), from now on. */
async function listenToRowAnnouncer(page: Page): Promise<void> {
  await page.evaluate(() => {
    const region = document.querySelector('[data-testid="row-announcer"]')!;
    const said: { text: string; at: number }[] = [];
    (window as unknown as { rowAnnouncements: typeof said }).rowAnnouncements = said;
    new MutationObserver(() => {
      const text = region.textContent?.trim() ?? "";
      if (text) said.push({ text, at: performance.now() });
    }).observe(region, { childList: true, subtree: true, characterData: true });
  });
}

const rowAnnouncements = (page: Page) =>
  page.evaluate(() => (window as unknown as { rowAnnouncements: { text: string; at: number }[] }).rowAnnouncements);

/** What holds the focus: its row's id, its cell's column and, for a control inside the cell, its name. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const active = document.activeElement as HTMLElement | null;
    return {
      rowId: active?.closest<HTMLElement>("[data-row-id]")?.dataset.rowId ?? null,
      col: active?.closest("[role=gridcell]")?.getAttribute("data-col") ?? null,
      rowIndex: Number(active?.closest("[role=row]")?.getAttribute("aria-rowindex") ?? -1),
    };
  });

test("A11Y-3 GRID-4 on a windowed board, others' changes to my row are said politely and rarely; focus stays put", async ({
  browser,
}) => {
  test.setTimeout(400_000); // a hang guard: a 215-row board, two browsers, on a loaded machine
  const anna = await newPerson(browser);
  const bruno = await newPerson(browser);
  await signUp(anna.page, ANNA);
  const boardId = await createBoard(anna.page, "Busy meeting board");
  const records = Array.from({ length: 200 }, (_, i) => ({
    Title: `Imported threat ${i + 1}`,
    Category: "cyber",
    Responsibility: "NATO",
  }));
  const section = anna.page.getByTestId("import-section");
  await section.locator("summary").click();
  await section.getByLabel("File").setInputFiles({ name: "big.csv", mimeType: "text/csv", buffer: csvFile(records) });
  await section.getByRole("button", { name: "Check file" }).click();
  await section.getByRole("button", { name: /Import all/ }).click();
  const grid = anna.page.getByTestId("threat-grid");
  await expect(grid).toHaveAttribute("aria-rowcount", "216");
  // Windowed: far fewer rows in the DOM than on the board.
  expect(await anna.page.getByTestId("threat-row").count()).toBeLessThan(100);

  const membersTab = await anna.context.newPage();
  const link = await createInviteLink(membersTab, boardId, "delegate");
  await membersTab.close();
  await signUpAndJoin(bruno.page, link, BRUNO);
  await expect(bruno.page.getByTestId("threat-grid")).toHaveAttribute("aria-rowcount", "216");

  // Anna is on row 3's Responsibility cell (a gridcell, column 2); Bruno types into that row's title.
  const annaRow = row(anna.page, 3);
  const rowId = await annaRow.getAttribute("data-row-id");
  const title = await titleInput(annaRow).inputValue();
  const cell = annaRow.locator('[role="gridcell"][data-col="2"]');
  await cell.focus();
  await expect(cell).toBeFocused();
  const before = await focused(anna.page);
  await listenToRowAnnouncer(anna.page);

  const brunoTitle = titleInput(bruno.page.locator(`[data-row-id="${rowId}"]`));
  await brunoTitle.click();
  await brunoTitle.press("End");
  await brunoTitle.pressSequentially(" (revised by the drafting group)");
  await expect(titleInput(annaRow)).toHaveValue(`${title} (revised by the drafting group)`);

  // The first change is said at once; the keystrokes after it are gathered into summaries, the last one naming
  // the title as it now reads.
  const revised = `${title} (revised by the drafting group)`;
  await expect(anna.page.getByTestId("row-announcer")).toContainText(revised, { timeout: 30_000 });
  const said = await rowAnnouncements(anna.page);
  expect(said[0].text).toMatch(/: title changed by someone else\.$/);
  // What follows is a summary: "n changes by others", or "title changed" when the server relayed the remaining
  // keystrokes in one batch (a loaded machine does), which arrives as one change.
  for (const { text } of said.slice(1))
    expect(text).toMatch(/: (\d+ changes by others|title changed by someone else)\.$/);
  // 32 keystrokes, each a change of its own, make far fewer announcements: one per 5 s at most, however slowly the
  // machine types. Times are taken when the page shows the text, which a busy renderer delays by a second or two,
  // so one gap alone may look shorter; the count over the whole span may not exceed the rate.
  const record = JSON.stringify(said);
  const span = said.at(-1)!.at - said[0].at;
  expect(said.length, record).toBeLessThan(16);
  expect(said.length, record).toBeLessThanOrEqual(2 + Math.floor(span / 5000));
  for (let i = 1; i < said.length; i++) expect(said[i].at - said[i - 1].at, record).toBeGreaterThanOrEqual(2500);
  // Polite, never assertive.
  await expect(anna.page.getByTestId("row-announcer")).toHaveAttribute("role", "status");
  await expect(anna.page.locator('[aria-live="assertive"], [role="alert"]')).toHaveCount(0);

  // Bruno's responsibility change re-renders Anna's row: her focus does not move.
  await bruno.page.locator(`[data-row-id="${rowId}"] label.resp-option-EU`).click();
  await expect(annaRow).toHaveAttribute("data-responsibility", "EU");
  await expect(cell).toBeFocused();
  expect(await focused(anna.page)).toEqual(before);

  // Bruno deletes the row: Anna's focus stays in the grid, on the same cell of the row that took its place.
  const next = await row(anna.page, 4).getAttribute("data-row-id");
  await bruno.page.locator(`[data-row-id="${rowId}"] [data-action="delete"]`).click();
  await expect(grid).toHaveAttribute("aria-rowcount", "215");
  await expect.poll(() => focused(anna.page)).toEqual({ rowId: next, col: "2", rowIndex: before.rowIndex });
  await expect(anna.page.getByTestId("row-announcer")).toHaveText(/was deleted by someone else\.\s*$/, {
    timeout: 30_000,
  });

  // Far down the board, outside the first window: Anna on the last row, Bruno deletes it.
  await anna.page.keyboard.press("Control+End");
  await expect.poll(async () => (await focused(anna.page)).rowIndex).toBe(215);
  const lastId = (await focused(anna.page)).rowId!;
  const lastCol = (await focused(anna.page)).col;
  await bruno.page.locator(`[data-row-id="${rowId}"]`).waitFor({ state: "detached" });
  await bruno.page.getByTestId("threat-grid").locator("[role=gridcell]").first().focus();
  await bruno.page.keyboard.press("Control+End");
  await bruno.page.locator(`[data-row-id="${lastId}"] [data-action="delete"]`).click();
  await expect(grid).toHaveAttribute("aria-rowcount", "214");
  await expect
    .poll(() => focused(anna.page))
    .toEqual({
      rowId: expect.any(String),
      col: lastCol,
      rowIndex: 214,
    });
  expect((await focused(anna.page)).rowId).not.toBe(lastId);
  await anna.context.close();
  await bruno.context.close();
});
