/**
 * COLLAB-27: an edit the server never received survives the tab dying. The
 * socket is routed through the test and cut (nothing the page sends reaches the
 * server), the tab is closed without ceremony, as a crash would, and the board
 * is opened again in a new tab of the same browser.
 */
import { expect, test, type Browser, type Page } from "@playwright/test";
import { createBoard, newPerson, signUp } from "./support/accounts";
import { appendToTitle, row, titleInput } from "./support/board";

/** Entries in the browser's store of unsent edits (all users: this browser context has one). */
function storedEdits(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        const open = indexedDB.open("remit-unsaved-edits", 1);
        open.onupgradeneeded = () => open.result.createObjectStore("edits");
        open.onsuccess = () => {
          const count = open.result.transaction("edits", "readonly").objectStore("edits").count();
          count.onsuccess = () => {
            open.result.close();
            resolve(count.result);
          };
        };
      }),
  );
}

/**
 * Anna on a new board of her own, her socket routed through the test: `cut()` stops everything the page sends from
 * reaching the server (the server's messages still arrive).
 */
async function onBoardWithCuttableSocket(browser: Browser, name: string, title: string) {
  const anna = await newPerson(browser);
  const { page } = anna;
  let cut = false;
  await page.routeWebSocket(/\/collab\//, (client) => {
    const server = client.connectToServer();
    client.onMessage((message) => {
      if (!cut) server.send(message);
    });
    server.onMessage((message) => client.send(message));
  });
  await signUp(page, { name, delegation: "Germany" });
  await createBoard(page, title);
  await expect(page.getByTestId("save-status")).toHaveAttribute("data-unsaved", "0");
  return { ...anna, cut: () => void (cut = true) };
}

test("COLLAB-27 an edit the server never received survives closing the tab and is saved after reopening", async ({
  browser,
}) => {
  const anna = await onBoardWithCuttableSocket(browser, "Anna Schmidt", "Unsent edits e2e");
  const { page } = anna;
  const boardUrl = page.url();
  const status = page.getByTestId("save-status");
  const before = await titleInput(row(page, 1)).inputValue();

  anna.cut();
  await appendToTitle(row(page, 1), " survives");
  await expect(status).toHaveAttribute("data-unsaved", /^[1-9]\d*$/);
  await expect.poll(() => storedEdits(page)).toBeGreaterThan(0);
  await page.close(); // no beforeunload: like a crash

  const again = await anna.context.newPage();
  await again.goto(boardUrl);
  await expect(titleInput(row(again, 1))).toHaveValue(`${before} survives`);
  const statusAgain = again.getByTestId("save-status");
  await expect(statusAgain).toHaveAttribute("data-unsaved", "0");
  await expect(statusAgain).toContainText("All changes saved");
  await expect.poll(() => storedEdits(again)).toBe(0);

  // It is the server's now: a fresh load shows it.
  await again.reload();
  await expect(titleInput(row(again, 1))).toHaveValue(`${before} survives`);
  await anna.context.close();
});

test("COLLAB-27 signing out deletes the unsent edits kept in the browser", async ({ browser }) => {
  const anna = await onBoardWithCuttableSocket(browser, "Bert Jansen", "Unsent edits sign-out e2e");
  const { page } = anna;
  anna.cut();
  await appendToTitle(row(page, 1), " private");
  await expect.poll(() => storedEdits(page)).toBeGreaterThan(0);
  page.on("dialog", (dialog) => void dialog.accept()); // "leave with unsaved changes?"
  await page.getByTestId("sign-out").click();
  await page.waitForURL(/\/login/);
  expect(await storedEdits(page)).toBe(0);
  await anna.context.close();
});
