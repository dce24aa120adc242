/**
 * Keyboard and screen-reader access, checked in the browser without extra
 * dependencies: Chromium's own accessibility tree (over CDP) must give every
 * control a name; every Tab stop must show a focus style; the matrix, the
 * side panels and a form with errors must work from the keyboard alone; live
 * regions stay polite and speak up when the connection drops and comes back;
 * keys pressed while the page is still starting do not break it.
 */
import { expect, test, type Page } from "@playwright/test";
import { createBoard, signUp, waitForSynced } from "./support/accounts";
import { row, titleInput } from "./support/board";

const PERSON = { name: "Katrin Vask", delegation: "Estonia" };

/** Roles a person operates: each needs an accessible name. */
const CONTROL_ROLES = new Set([
  "button",
  "link",
  "textbox",
  "searchbox",
  "combobox",
  "listbox",
  "checkbox",
  "radio",
  "spinbutton",
  "slider",
  "switch",
  "tab",
  "menuitem",
]);

interface AXNode {
  ignored: boolean;
  role?: { value?: string };
  name?: { value?: string };
  backendDOMNodeId?: number;
}

/** Controls in the page's accessibility tree whose computed name is empty (as "role #backendId"). */
async function unnamedControls(page: Page): Promise<string[]> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { nodes } = (await cdp.send("Accessibility.getFullAXTree")) as { nodes: AXNode[] };
    const controls = nodes.filter((node) => !node.ignored && CONTROL_ROLES.has(node.role?.value ?? ""));
    expect(controls.length).toBeGreaterThan(0);
    const unnamed: string[] = [];
    for (const node of controls.filter((node) => !(node.name?.value ?? "").trim())) {
      const { object } = (await cdp.send("DOM.resolveNode", { backendNodeId: node.backendDOMNodeId })) as {
        object: { objectId: string };
      };
      const { result } = (await cdp.send("Runtime.callFunctionOn", {
        objectId: object.objectId,
        functionDeclaration: "function () { return this.outerHTML.slice(0, 160); }",
        returnByValue: true,
      })) as { result: { value: string } };
      unnamed.push(`${node.role?.value}: ${result.value}`);
    }
    return unnamed;
  } finally {
    await cdp.detach();
  }
}

/** Tabs through the page from the top; returns the Tab stops that show no focus indicator. */
async function tabStopsWithoutFocusStyle(page: Page, maxStops = 120): Promise<{ stops: number; invisible: string[] }> {
  // A fresh load: the first Tab goes to the first stop of the page (the skip link).
  await page.reload();
  const seen = new Set<string>();
  const invisible: string[] = [];
  for (let i = 0; i < maxStops; i++) {
    await page.keyboard.press("Tab");
    const stop = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el || el === document.body) return null;
      const path: string[] = [];
      for (let node: Element | null = el; node && node !== document.body; node = node.parentElement) {
        path.unshift(
          `${node.tagName.toLowerCase()}:${Array.prototype.indexOf.call(node.parentElement?.children ?? [], node)}`,
        );
      }
      const shows = (target: Element) => {
        const style = getComputedStyle(target);
        const outline = style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0;
        return outline || style.boxShadow !== "none";
      };
      // A visually hidden radio shows its focus on the segment around it.
      const visible = shows(el) || Boolean(el.closest(".segment") && shows(el.closest(".segment")!));
      return { key: path.join("/"), visible, html: el.outerHTML.slice(0, 140) };
    });
    if (!stop || seen.has(stop.key)) break;
    seen.add(stop.key);
    if (!stop.visible) invisible.push(stop.html);
  }
  return { stops: seen.size, invisible };
}

test("the board works from the keyboard and with a screen reader", async ({ page, context }) => {
  await signUp(page, PERSON);

  // A form with errors: the first invalid field takes focus and points at its message.
  await page.goto("/");
  const create = page.getByTestId("create-board-form");
  await create.getByRole("button", { name: "Create board" }).click();
  const titleField = create.getByLabel("Title");
  await expect(titleField).toBeFocused();
  await expect(titleField).toHaveAttribute("aria-invalid", "true");
  await expect(titleField).toHaveAccessibleDescription("Enter a title");
  expect(await unnamedControls(page)).toEqual([]);

  const boardId = await createBoard(page, "Accessibility e2e");
  await expect(row(page, 0)).toBeVisible();

  // Every control on the board page has a name; the tagline, toolbar and grid are all in it.
  expect(await unnamedControls(page)).toEqual([]);
  await expect(page.getByRole("grid", { name: "Threats and responsibilities" })).toBeVisible();
  await expect(row(page, 0).getByRole("radiogroup")).toHaveAccessibleName(/^Responsibility for /);

  // Nothing shouts: no assertive live regions; the connection pill is not a live region (the announcer is).
  await expect(page.locator('[aria-live="assertive"], [role="alert"]')).toHaveCount(0);
  await expect(page.getByTestId("connection-status")).not.toHaveAttribute("role", "status");
  await expect(page.getByTestId("board-announcer")).toHaveAttribute("role", "status");
  await expect(page.getByTestId("filter-count")).not.toHaveAttribute("aria-live", /.+/);

  // Every Tab stop shows where the focus is.
  const { stops, invisible } = await tabStopsWithoutFocusStyle(page);
  await waitForSynced(page);
  expect(stops).toBeGreaterThan(10);
  expect(invisible).toEqual([]);

  // The matrix: one Tab stop, arrows between cells, Enter into a cell, Escape back out.
  const firstCell = row(page, 0).locator('[role="gridcell"][data-col="0"]');
  await firstCell.focus();
  await page.keyboard.press("ArrowDown");
  await expect(row(page, 1).locator('[role="gridcell"][data-col="0"]')).toBeFocused();
  await page.keyboard.press("ArrowUp");
  await page.keyboard.press("Enter");
  await expect(titleInput(row(page, 0))).toBeFocused();
  await page.keyboard.press("End");
  await page.keyboard.type(" (keyboard)");
  await page.keyboard.press("Enter");
  await expect(firstCell).toBeFocused();
  await expect(titleInput(row(page, 0))).toHaveValue(/ \(keyboard\)$/);

  // Responsibility with the arrow keys (native radios inside the cell).
  await page.keyboard.press("ArrowRight");
  const responsibilityCell = row(page, 0).locator('[role="gridcell"][data-col="1"]');
  await expect(responsibilityCell).toBeFocused();
  const before = await row(page, 0).getAttribute("data-responsibility");
  await page.keyboard.press("Enter");
  await expect(row(page, 0).getByRole("radio", { checked: true })).toBeFocused();
  await page.keyboard.press("ArrowRight");
  await expect(row(page, 0)).not.toHaveAttribute("data-responsibility", before ?? "");
  await page.keyboard.press("Escape");
  await expect(responsibilityCell).toBeFocused();

  // Side panels: focus moves in, Escape closes, focus returns to what opened them.
  const activityToggle = page.getByTestId("activity-toggle");
  await activityToggle.focus();
  await page.keyboard.press("Enter");
  const activity = page.getByTestId("activity-panel");
  await expect(activity.getByRole("heading", { name: "Activity" })).toBeFocused();
  await expect(activity).toHaveAttribute("aria-labelledby", /.+/);
  expect(await unnamedControls(page)).toEqual([]);
  await page.keyboard.press("Escape");
  await expect(activity).toHaveCount(0);
  await expect(activityToggle).toBeFocused();

  const statusButton = row(page, 0).getByTestId("row-status-button");
  await statusButton.focus();
  await page.keyboard.press("Enter");
  const panel = page.getByTestId("row-panel");
  await expect(panel.getByRole("heading", { level: 2 })).toBeFocused();
  expect(await unnamedControls(page)).toEqual([]);
  await page.keyboard.press("Escape");
  await expect(panel).toHaveCount(0);
  await expect(statusButton).toBeFocused();

  // Deleting a row from the keyboard: focus stays in the grid; the notice is polite and has an Undo.
  const actionsCell = row(page, 0).locator('[role="gridcell"][data-col="4"]');
  await actionsCell.focus();
  await page.keyboard.press("Enter");
  const deleteButton = row(page, 0).locator('[data-action="delete"]');
  while (!(await deleteButton.evaluate((element) => element === document.activeElement)))
    await page.keyboard.press("Tab");
  const deletedTitle = await titleInput(row(page, 0)).inputValue();
  await page.keyboard.press("Enter");
  // The notice names the deleted threat (GRID-7).
  await expect(page.getByRole("status").filter({ hasText: deletedTitle })).toBeVisible();
  await expect(row(page, 0).locator('[role="gridcell"][data-col="4"]')).toBeFocused();
  await page.getByRole("status").filter({ hasText: deletedTitle }).getByRole("button", { name: "Undo" }).click();
  await expect(titleInput(row(page, 0))).toHaveValue(deletedTitle);

  // The connection drops: said once (politely) after a few seconds, and again when it is back.
  const announcer = page.getByTestId("board-announcer");
  await context.setOffline(true);
  await expect(page.getByTestId("connection-status")).toHaveAttribute("data-status", "offline");
  await expect(announcer).toHaveText(/^Connection lost\./, { timeout: 10_000 });
  await context.setOffline(false);
  await waitForSynced(page);
  await expect(announcer).toHaveText("Connection restored.");

  // Other pages of the board: every control named too.
  for (const path of [
    `/boards/${boardId}/members`,
    `/boards/${boardId}/versions`,
    `/boards/${boardId}/import`,
    "/account",
  ]) {
    await page.goto(path);
    await expect(page.locator("h1")).toBeVisible();
    expect(await unnamedControls(page), path).toEqual([]);
  }
});

/**
 * A key pressed the moment React starts hydrating the page, before its first render, while the page's data (the
 * single-fetch stream, piped through a TextEncoderStream) is still being decoded: the stream is held until the test
 * lets it go, and the key goes in right after React starts listening on the document (hydrateRoot does that before
 * it renders).
 */
function keyWhileStarting() {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  (window as unknown as { releaseStartupData: () => void }).releaseStartupData = release;
  const encoder = new TextEncoder();
  window.TextEncoderStream = class extends TransformStream<string, Uint8Array> {
    constructor() {
      super({
        async transform(chunk, controller) {
          await released;
          controller.enqueue(encoder.encode(chunk));
        },
      });
    }
  } as unknown as typeof TextEncoderStream;
  const listen = document.addEventListener.bind(document);
  let pressed = false;
  document.addEventListener = (...args: Parameters<typeof document.addEventListener>) => {
    if (args[0] === "keydown" && !pressed) {
      pressed = true;
      queueMicrotask(() =>
        document.body.dispatchEvent(new KeyboardEvent("keydown", { key: "Tab", code: "Tab", bubbles: true })),
      );
    }
    listen(...args);
  };
}

test("A11Y-7 keys pressed while the board page is still starting leave it working: it connects once started", async ({
  page,
}) => {
  await signUp(page, { name: "Tiit Tamm", delegation: "Estonia" });
  await createBoard(page, "Started by keyboard");
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  await page.addInitScript(keyWhileStarting);
  await page.reload();
  // The server's HTML, not yet hydrated: Tab still moves through it.
  await expect(page.getByTestId("connection-status")).toHaveAttribute("data-status", "connecting");
  for (let i = 0; i < 3; i++) await page.keyboard.press("Tab");
  await expect(page.locator(":focus")).toHaveCount(1);
  await page.evaluate(() => (window as unknown as { releaseStartupData: () => void }).releaseStartupData());
  await waitForSynced(page);
  expect(errors).toEqual([]);
  // React handles keys again: the matrix answers the arrows.
  const firstCell = row(page, 0).locator('[role="gridcell"][data-col="0"]');
  await firstCell.focus();
  await page.keyboard.press("ArrowDown");
  await expect(row(page, 1).locator('[role="gridcell"][data-col="0"]')).toBeFocused();
});
