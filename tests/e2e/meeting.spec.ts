/**
 * Issue 15 §3: the chair runs the meeting, three browsers. The chair builds an agenda and moves to item 2: the
 * delegate who follows the chair is brought to it, the one who turned following off stays where they were, both
 * see it highlighted. Two delegations raise their hands; the chair sees them in order and gives the floor; all
 * three see the speaker and the time left, and the speaker's delegation is told politely.
 */
import { expect, test, type Page } from "@playwright/test";
import { createBoard, createInviteLink, newPerson, signUp, signUpAndJoin } from "./support/accounts";

const CHAIR = { name: "Claire Martin", delegation: "Belgium" };
const FOLLOWER = { name: "Anna Schmidt", delegation: "Germany" };
const WANDERER = { name: "Dawid Nowak", delegation: "Poland" };

const currentRow = (page: Page, rowId: string) => page.locator(`[data-row-id="${rowId}"]`);
const scrollPositions = (page: Page) =>
  page.evaluate(() => ({
    page: Math.round(window.scrollY),
    grid: Math.round(document.querySelector('[data-testid="threat-grid"]')!.scrollTop),
  }));

test.describe("FLOOR-5 the tour de table is seen by everyone", () => {
  test("AGENDA-7 the agenda is followed by followers only, highlighted for all; hands in order, the floor given", async ({
    browser,
  }) => {
    test.setTimeout(480_000);
    const chair = await newPerson(browser);
    const follower = await newPerson(browser);
    const wanderer = await newPerson(browser);

    await signUp(chair.page, CHAIR);
    const boardId = await createBoard(chair.page, "Meeting e2e");
    const members = await chair.context.newPage();
    await signUpAndJoin(follower.page, await createInviteLink(members, boardId, "delegate"), FOLLOWER);
    await signUpAndJoin(wanderer.page, await createInviteLink(members, boardId, "delegate"), WANDERER);
    await members.close();
    await chair.page.goto(`/boards/${boardId}`);

    // Following: on by default for delegates, off for the chair; one click turns it off.
    await expect(follower.page.getByTestId("follow-chair")).toHaveAttribute("aria-pressed", "true");
    await expect(chair.page.getByTestId("follow-chair")).toHaveAttribute("aria-pressed", "false");
    await wanderer.page.getByTestId("follow-chair").click();
    await expect(wanderer.page.getByTestId("follow-chair")).toHaveAttribute("aria-pressed", "false");

    // The chair builds the agenda: item 1 = the first threat, item 2 = the last two.
    const rowIds = await chair.page
      .getByTestId("threat-row")
      .evaluateAll((rows) => rows.map((element) => element.getAttribute("data-row-id")!));
    expect(rowIds.length).toBeGreaterThanOrEqual(12);
    const [late, last] = rowIds.slice(-2);
    const form = chair.page.getByTestId("agenda-item-form");
    await form.locator('[name="title"]').fill("Opening");
    await form.locator('[name="rowIds"]').selectOption([rowIds[0]]);
    await chair.page.getByTestId("agenda-add").click();
    await expect(chair.page.getByTestId("agenda-item")).toHaveCount(1);
    await form.locator('[name="title"]').fill("Clouds and cables");
    await form.locator('[name="rowIds"]').selectOption([late, last]);
    await chair.page.getByTestId("agenda-add").click();
    await expect(chair.page.getByTestId("agenda-item")).toHaveCount(2);
    await expect(follower.page.getByTestId("agenda-item")).toHaveCount(2);

    // Item 1, then item 2.
    await chair.page.getByTestId("agenda-next").click();
    await expect(follower.page.getByTestId("meeting-current")).toContainText("Opening");
    await wanderer.page.evaluate(() => window.scrollTo(0, 0));
    await wanderer.page.getByTestId("threat-grid").evaluate((grid) => (grid.scrollTop = 0));
    const before = await scrollPositions(wanderer.page);
    await chair.page.getByTestId("agenda-next").click();

    for (const page of [chair.page, follower.page, wanderer.page]) {
      await expect(page.getByTestId("meeting-current")).toContainText("Clouds and cables");
      await expect(currentRow(page, late)).toHaveAttribute("data-current-item", "true");
      await expect(currentRow(page, last)).toHaveAttribute("data-current-item", "true");
      await expect(currentRow(page, rowIds[0])).not.toHaveAttribute("data-current-item", "true");
    }
    // The follower's grid came to item 2; the other delegate's did not move.
    await expect(currentRow(follower.page, late)).toBeInViewport();
    expect(await scrollPositions(wanderer.page)).toEqual(before);
    await expect(currentRow(wanderer.page, late)).not.toBeInViewport();
    // Following back on brings the wanderer there too.
    await wanderer.page.getByTestId("follow-chair").click();
    await expect(currentRow(wanderer.page, late)).toBeInViewport();

    // Tour de table: Germany, then Poland, ask for the floor.
    await follower.page.getByTestId("raise-hand").click();
    await expect(chair.page.getByTestId("speaking-list-entry")).toHaveCount(1);
    await wanderer.page.getByTestId("raise-hand").click();
    const entries = chair.page.getByTestId("speaking-list-entry");
    await expect(entries).toHaveCount(2);
    await expect(entries.nth(0)).toHaveAttribute("data-delegation", "DE");
    await expect(entries.nth(1)).toHaveAttribute("data-delegation", "PL");
    await expect(wanderer.page.getByTestId("hand-place")).toContainText("2");
    // Delegates do not get the chair's controls.
    await expect(follower.page.getByTestId("speaking-list")).toHaveCount(0);
    await expect(follower.page.getByTestId("agenda-next")).toHaveCount(0);

    await chair.page.getByTestId("floor-timer").selectOption("120");
    await expect(chair.page.getByTestId("floor-timer")).toHaveValue("120");
    await entries.nth(0).getByRole("button", { name: "Give the floor to Germany" }).click();
    for (const page of [chair.page, follower.page, wanderer.page]) {
      await expect(page.getByTestId("floor-speaker")).toHaveAttribute("data-delegation", "DE");
      await expect(page.getByTestId("floor-speaker")).toContainText("Germany has the floor");
      await expect(page.getByTestId("speaker-timer")).toHaveText(/^\d:\d\d left$|^Time is up$/);
    }
    await expect(follower.page.getByTestId("floor-announcer")).toHaveText("You have the floor for 2 min.");
    await expect(wanderer.page.getByTestId("floor-announcer")).toHaveText("");
    // Germany left the list; Poland is next.
    await expect(entries).toHaveCount(1);
    await expect(entries.nth(0)).toHaveAttribute("data-delegation", "PL");

    for (const person of [chair, follower, wanderer]) await person.context.close();
  });
});
