/**
 * axe-core (WCAG 2.0/2.1 A and AA, WCAG 2.2 AA rules) on every page, in English and
 * in French: zero violations. The language comes from the browser (Accept-Language),
 * as it does for a visitor; selectors are by test id, name attribute or role so the
 * same walk runs in both languages.
 */
import { readdirSync, readFileSync } from "node:fs";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { signUpAnyLanguage, waitForSynced } from "./support/accounts";
import { row } from "./support/board";

const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

// The walks are independent (each signs up its own chair): let both workers share the longest spec file.
test.describe.configure({ mode: "parallel" });

/**
 * Every page route in app/routes (a module with a default export) and where the walk below checks it. The other
 * route modules answer data, files or redirects, not pages: the meeting's JSON (its panel is checked on the board),
 * consensus, position history, diff and import JSON, exports, the language switch and sign-out.
 */
const PAGES_WALKED: Record<string, string> = {
  "login.tsx": "/login",
  "signup.tsx": "/signup",
  "_index.tsx": "/ (the boards)",
  "boards.$boardId.tsx":
    "board, with the meeting under way, the activity panel, a row panel with a comment and a position, the instrument picker open and a filter that matches nothing",
  "boards.$boardId_.marking.tsx": "marking, and marking saved",
  "boards.$boardId_.versions._index.tsx": "versions",
  "boards.$boardId_.versions.$number.tsx": "a version with its forum, marking and membership",
  "boards.$boardId_.record._index.tsx": "meeting records",
  "boards.$boardId_.record.$number.tsx": "a meeting record being edited, and finalised",
  "boards.$boardId_.members.tsx": "members, with an invite link",
  "invite.$token.tsx": "an invite, and one that does not exist",
  "boards.$boardId_.diff.tsx": "a diff",
  "boards.$boardId_.import.tsx": "import",
  "boards.$boardId_.activity.tsx": "activity",
  "account.tsx": "account",
};

test("A11Y-1 the walk covers every page route in app/routes", () => {
  const pages = readdirSync("app/routes").filter((name) =>
    /export default/.test(readFileSync(`app/routes/${name}`, "utf8")),
  );
  expect(pages.sort()).toEqual(Object.keys(PAGES_WALKED).sort());
});

/**
 * `within` narrows the check to what a step added (a panel opened on a page already checked whole): axe on the
 * whole 15-row board takes most of this spec's time, and re-checking unchanged rows finds nothing new.
 */
async function expectNoViolations(page: Page, what: string, within: string[] = []): Promise<void> {
  // The WCAG tags, plus one best-practice rule the issue found broken once (A11Y-5): two landmarks of one kind
  // need different names (the version page's two heat maps).
  let axe = new AxeBuilder({ page }).options({
    runOnly: { type: "tag", values: TAGS },
    rules: { "landmark-unique": { enabled: true } },
  });
  for (const selector of within) axe = axe.include(selector);
  const { violations } = await axe.analyze();
  const found = violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  expect.soft(found, what).toEqual([]);
}

/**
 * WCAG 2.5.8 for the targets axe leaves for review (A11Y-6): the grid's controls are out of the tab order (roving
 * tabindex), so axe cannot tell whether they are targets. Each one under 24×24 passes by the spacing exception: a
 * 24 px circle on its centre reaches no other target, nor the circle of another undersized one.
 */
async function targetsTooClose(page: Page): Promise<{ examined: number; tooClose: string[] }> {
  // A window tall enough for the whole 15-row board: what is measured must be on screen to be pointed at.
  const viewport = page.viewportSize()!;
  await page.setViewportSize({ width: viewport.width, height: 3000 });
  try {
    return await measureTargets(page);
  } finally {
    await page.setViewportSize(viewport);
  }
}

async function measureTargets(page: Page): Promise<{ examined: number; tooClose: string[] }> {
  const results = await new AxeBuilder({ page }).withRules(["target-size"]).analyze();
  const nodes = (kind: "passes" | "incomplete" | "violations") =>
    (results[kind].find((rule) => rule.id === "target-size")?.nodes ?? []).map((node) => String(node.target[0]));
  const violations = nodes("violations");
  const targets = [...nodes("passes"), ...nodes("incomplete"), ...violations];
  const spacing = await page.evaluate(
    ({ targets, review }) => {
      const box = (selector: string) => document.querySelector(selector)!.getBoundingClientRect();
      const small = (r: DOMRect) => r.width < 24 || r.height < 24;
      const centre = (r: DOMRect) => [(r.left + r.right) / 2, (r.top + r.bottom) / 2] as const;
      const toBox = ([x, y]: readonly [number, number], r: DOMRect) =>
        Math.hypot(Math.max(r.left - x, 0, x - r.right), Math.max(r.top - y, 0, y - r.bottom));
      // Only what can be pointed at: not a row the grid renders beyond its window, under other content.
      const shown = (element: Element, r: DOMRect) => {
        const top = document.elementFromPoint(...centre(r));
        return top !== null && (top === element || element.contains(top));
      };
      const tooClose: string[] = [];
      let examined = 0;
      for (const selector of review) {
        const mine = box(selector);
        const element = document.querySelector(selector)!;
        if (!small(mine) || !shown(element, mine)) continue;
        examined += 1;
        const other = targets.find((them) => {
          const theirs = document.querySelector(them)!;
          if (theirs === element || theirs.contains(element) || element.contains(theirs)) return false;
          if (!shown(theirs, box(them))) return false;
          const r = box(them);
          const [x, y] = centre(r);
          return toBox(centre(mine), r) < 12 || (small(r) && Math.hypot(centre(mine)[0] - x, centre(mine)[1] - y) < 24);
        });
        if (other) tooClose.push(`${selector} (${Math.round(mine.width)}×${Math.round(mine.height)}) near ${other}`);
      }
      return { examined, tooClose };
    },
    { targets, review: nodes("incomplete") },
  );
  return { examined: spacing.examined, tooClose: [...violations, ...spacing.tooClose] };
}

for (const [locale, browserLocale] of [
  ["en", "en-GB"],
  ["fr", "fr-FR"],
] as const) {
  test.describe(`A11Y-6 small targets on the board are spaced apart (WCAG 2.5.8) (${locale})`, () => {
    test(`A11Y-4 A11Y-1 the sign-in pages, the boards and a board in its states have no WCAG 2.2 AA violation (${locale})`, async ({
      browser,
    }) => {
      test.setTimeout(900_000); // a hang guard: axe on a 15-row board takes minutes on a loaded machine
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
      await expect(row(page, 0)).toBeVisible();
      await expect(page.getByTestId("meeting-panel")).toBeVisible();
      await expectNoViolations(page, "board");
      const targets = await targetsTooClose(page);
      expect.soft(targets.tooClose, "A11Y-6 targets under 24×24 too close to another").toEqual([]);
      expect(targets.examined, "A11Y-6 the grid's small controls were measured").toBeGreaterThan(10);

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
      await expectNoViolations(page, "board with the meeting under way", [
        '[data-testid="meeting-panel"]',
        '[data-current-item="true"]',
      ]);

      await page.getByTestId("activity-toggle").click();
      await expect(page.getByTestId("activity-panel")).toBeVisible();
      await expectNoViolations(page, "board with the activity panel", ['[data-testid="activity-panel"]']);
      await page.keyboard.press("Escape");
      await row(page, 0).getByTestId("row-status-button").click();
      await expect(page.getByTestId("row-panel")).toBeVisible();
      await expectNoViolations(page, "board with a row panel", ['[data-testid="row-panel"]']);
      await page.keyboard.press("Escape");

      // A11Y-4 the board's other states: the instrument picker open with its results, the row panel holding a
      // comment and a position, and a filter that matches nothing.
      await row(page, 1).locator(".picker-toggle").click();
      const picker = page.getByTestId("instrument-picker");
      await expect(picker.locator(".picker-option").first()).toBeVisible();
      await expectNoViolations(page, "board with the instrument picker open", ['[data-testid="instrument-picker"]']);
      await page.keyboard.press("Escape");
      await expect(picker).toHaveCount(0);

      await row(page, 1).getByTestId("row-comments-button").click();
      const panel = page.getByTestId("row-panel");
      await panel.getByTestId("comment-body").fill("Axe");
      await panel.getByTestId("comment-submit").click();
      await expect(panel.getByTestId("comment")).toHaveCount(1);
      const position = panel.getByTestId("position-form");
      await position.locator('input[name="position"][value="support"]').check();
      await position.locator('button[type="submit"]').click();
      await expect(panel.locator('[data-testid="position-entry"][data-delegation="EE"]')).toHaveAttribute(
        "data-position",
        "support",
      );
      await expectNoViolations(page, "row panel with a comment and a position", ['[data-testid="row-panel"]']);
      await page.keyboard.press("Escape");
      await expect(panel).toHaveCount(0);

      const search = page.locator(".filter-bar input[type=search]");
      await search.fill("zzz-no-such-threat");
      await expect(page.getByTestId("threat-row")).toHaveCount(0);
      await expectNoViolations(page, "board filtered to nothing", [".filter-bar", '[role="grid"]']);
      await search.fill("");
      await context.close();
    });
  });

  test(`A11Y-5 A11Y-1 a board's other pages have no WCAG 2.2 AA violation and unique landmarks (${locale})`, async ({
    browser,
  }) => {
    test.setTimeout(900_000); // a hang guard, as above
    const context = await browser.newContext({ locale: browserLocale });
    const page = await context.newPage();
    await signUpAnyLanguage(page, "Axe Pages", "EE");
    const create = page.getByTestId("create-board-form");
    await create.locator('[name="title"]').fill(`Axe pages ${locale}`);
    await create.getByTestId("template-starter").check();
    // A joint board, so the version page shows the forum with its members' standing.
    await create.getByTestId("forum-select").selectOption("joint");
    await create.locator('button[type="submit"]').click();
    await expect(page).toHaveURL(/\/boards\/[A-Za-z0-9_-]+$/);
    await waitForSynced(page);
    const boardId = new URL(page.url()).pathname.split("/").pop()!;

    // The chair's marking page, then marked and releasable to NATO Allies and EU members (the saved state).
    await page.goto(`/boards/${boardId}/marking`);
    await expect(page.locator("h1")).toBeVisible();
    await expectNoViolations(page, "marking");
    const marking = page.getByTestId("marking-form");
    await marking.locator('[name="marking"]').selectOption("NATO UNCLASSIFIED");
    await marking.locator('input[name="releasability"][value="nato-eu"]').check();
    await marking.getByTestId("marking-save").click();
    await expect(page.getByTestId("marking-saved")).toBeVisible();
    await expectNoViolations(page, "marking saved");

    // Publish v1 (all threats) so the version and diff pages exist; it records the forum, marking and membership.
    await page.goto(`/boards/${boardId}/versions`);
    await expectNoViolations(page, "versions");
    const publish = page.getByTestId("publish-form");
    await publish.locator('[name="title"]').fill("Axe v1");
    await publish.locator('[name="scope"][value="all"]').check();
    await publish.locator('button[type="submit"]').click();
    await expect(page).toHaveURL(new RegExp(`/boards/${boardId}/versions/1$`));
    for (const part of ["version-forum", "version-marking", "version-membership"])
      await expect(page.getByTestId(part)).toBeVisible();

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
    await page.getByTestId("record-finalise").click();
    await expect(page.getByTestId("record-final")).toBeVisible();
    await expectNoViolations(page, "finalised meeting record");

    // An invite link as a signed-in person sees it, and a link that does not exist.
    await page.goto(`/boards/${boardId}/members`);
    await page.getByTestId("invite-form").getByTestId("create-invite").click();
    await expect(page.getByTestId("invite-link")).toHaveValue(/\/invite\/[A-Za-z0-9_-]{43}$/);
    await expectNoViolations(page, "members with an invite link");
    await page.goto(new URL(await page.getByTestId("invite-link").inputValue()).pathname);
    await expect(page.getByTestId("invite-offer")).toBeVisible();
    await expectNoViolations(page, "invite");
    await page.goto(`/invite/${"x".repeat(43)}`);
    await expect(page.getByTestId("invite-problem")).toBeVisible();
    await expectNoViolations(page, "invite that does not exist");

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
