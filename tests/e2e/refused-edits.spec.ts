/**
 * COLLAB-29: what the server refuses is neither lost nor resent forever. The page's socket is routed through the
 * test: while its frames are held back, the test sends the server an update that does not decode on the page's
 * behalf, and the real server closes the socket with 4422. Every unacknowledged edit of the page (the title typed
 * meanwhile) is then set aside: shown with its text, not restored or resent after a reload, gone once discarded.
 */
import { expect, test, type Page, type WebSocketRoute } from "@playwright/test";
import { createBoard, newPerson, signUp, waitForSynced } from "./support/accounts";
import { appendToTitle, row, titleInput } from "./support/board";

/** Entries in the browser's store of unsent and refused edits (this browser context has one user). */
function storedEntries(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        const open = indexedDB.open("remit-unsaved-edits");
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

test("COLLAB-29 an edit the server refused is shown with its text, never resent after a reload, and gone once discarded", async ({
  browser,
}) => {
  const { context, page } = await newPerson(browser);
  let holdBack = false;
  let toServer: WebSocketRoute | null = null;
  await page.routeWebSocket(/\/collab\//, (client) => {
    const server = client.connectToServer();
    toServer = server;
    client.onMessage((message) => {
      if (!holdBack) server.send(message);
    });
    server.onMessage((message) => client.send(message));
  });
  await signUp(page, { name: "Ruth Refused", delegation: "Germany" });
  await createBoard(page, "Refused edits e2e");
  const status = page.getByTestId("save-status");
  await expect(status).toHaveAttribute("data-unsaved", "0");
  const before = await titleInput(row(page, 1)).inputValue();

  holdBack = true;
  await appendToTitle(row(page, 1), " as we worded it");
  await expect(status).toHaveAttribute("data-unsaved", /^[1-9]\d*$/);
  // Sync update (0, 2) carrying 3 bytes that are no Yjs update: the server refuses it (COLLAB-8, rule `decode`).
  toServer!.send(Buffer.from([0, 2, 3, 255, 255, 255]));
  await expect(page.getByTestId("connection-closed")).toHaveAttribute("data-close-code", "4422");
  const refused = page.getByTestId("refused-edits");
  await expect(refused.getByTestId("refused-text").locator("textarea")).toHaveValue(`${before} as we worded it`);
  await expect(status).toHaveAttribute("data-unsaved", "0");
  await expect(status).not.toContainText("All changes saved");

  // After a reload the board is the server's: the refused edits are not applied or sent again, and still shown.
  holdBack = false;
  await page.reload();
  await waitForSynced(page);
  await expect(titleInput(row(page, 1))).toHaveValue(before);
  await expect(refused.getByTestId("refused-text").locator("textarea")).toHaveValue(`${before} as we worded it`);
  await appendToTitle(row(page, 1), " again");
  await expect(status).toHaveAttribute("data-unsaved", "0"); // a new edit is saved: the socket stays open
  await expect(page.getByTestId("connection-closed")).toHaveCount(0);

  await refused.getByTestId("discard-refused").click();
  await refused.getByTestId("confirm-discard-refused").click();
  await expect(refused).toHaveCount(0);
  await expect(status).toContainText("All changes saved");
  await expect.poll(() => storedEntries(page)).toBe(0);
  await page.reload();
  await waitForSynced(page);
  await expect(titleInput(row(page, 1))).toHaveValue(`${before} again`);
  await expect(page.getByTestId("refused-edits")).toHaveCount(0);
  await context.close();
});
