/**
 * COLLAB-23 in the browser: an edit counts as saved only once the server has
 * acknowledged its commit. Acknowledgements are held back here (the socket is
 * routed through the test), so "not yet saved" and the leave-page warning are
 * observed for certain, then released.
 */
import { expect, test } from "@playwright/test";
import { MessageType } from "../../core/collab-protocol";
import { createBoard, newPerson, signUp } from "./support/accounts";
import { appendToTitle, row } from "./support/board";

test("COLLAB-23 GRID-17 the page says saved only after the server acknowledged, counts unsaved edits and asks before leaving", async ({
  browser,
}) => {
  const anna = await newPerson(browser);
  const { page } = anna;
  let holdAcks = false;
  const held: Buffer[] = [];
  await page.routeWebSocket(/\/collab\//, (client) => {
    const server = client.connectToServer();
    client.onMessage((message) => server.send(message));
    server.onMessage((message) => {
      if (holdAcks && typeof message !== "string" && message[0] === MessageType.ack) held.push(message);
      else client.send(message);
    });
  });
  await signUp(page, { name: "Anna Schmidt", delegation: "Germany" });
  await createBoard(page, "Save status e2e");
  const status = page.getByTestId("save-status");
  await expect(status).toHaveAttribute("data-unsaved", "0");

  const pill = page.getByTestId("connection-status");
  const savedWidth = (await pill.boundingBox())!.width;
  holdAcks = true;
  await appendToTitle(row(page, 1), " kept");
  await expect(status).toHaveAttribute("data-unsaved", /^[1-9]\d*$/);
  await expect(status).toContainText(/changes? not yet saved/);
  // GRID-17: the indicator keeps its size, so a keystroke and its acknowledgement do not move the header.
  expect((await pill.boundingBox())!.width).toBe(savedWidth);

  // Leaving now asks first.
  const dialog = page.waitForEvent("dialog");
  await page.close({ runBeforeUnload: true });
  const asked = await dialog;
  expect(asked.type()).toBe("beforeunload");
  await asked.dismiss();

  // Acknowledgements flow again: the next one is cumulative and covers the held edits too.
  holdAcks = false;
  await appendToTitle(row(page, 1), "!");
  await expect(status).toHaveAttribute("data-unsaved", "0");
  await expect(status).toContainText("All changes saved");
  expect(held.length).toBeGreaterThan(0);
  await anna.context.close();
});
