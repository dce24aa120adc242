/**
 * Issue 11, the load path: the board can be typed in as soon as the page has
 * hydrated, before its socket has synced (docs/spec/grid.md GRID-10). The
 * second tab's socket is routed through the test, which holds every frame in
 * both directions until it lets them go, so the typing surely happens before
 * the sync.
 */
import { expect, test } from "@playwright/test";
import { createBoard, newPerson, signUp } from "./support/accounts";
import { appendToTitle, row, titleInput } from "./support/board";

test("GRID-10 typing before the socket has synced is kept and reaches the others once it syncs", async ({
  browser,
}) => {
  const anna = await newPerson(browser);
  await signUp(anna.page, { name: "Anna Schmidt", delegation: "Germany" });
  await createBoard(anna.page, "Editable before sync e2e");
  const before = await titleInput(row(anna.page, 1)).inputValue();

  const early = await anna.context.newPage();
  let held = true;
  const pending: (() => void)[] = [];
  await early.routeWebSocket(/\/collab\//, (client) => {
    const server = client.connectToServer();
    const relay = (send: () => void) => (held ? pending.push(send) : send());
    client.onMessage((message) => relay(() => server.send(message)));
    server.onMessage((message) => relay(() => client.send(message)));
  });
  await early.goto(anna.page.url());
  await expect(early.getByTestId("board")).toHaveAttribute("data-live", "true");
  await appendToTitle(row(early, 1), " typed early");
  await expect(titleInput(row(early, 1))).toHaveValue(`${before} typed early`);
  // Nothing has come back from the server yet: the edit is counted unsaved, the board not synced.
  await expect(early.getByTestId("connection-status")).toHaveAttribute("data-synced", "false");
  await expect(early.getByTestId("save-status")).toHaveAttribute("data-unsaved", /^[1-9]\d*$/);
  expect(pending.length).toBeGreaterThan(0);

  held = false;
  for (const send of pending.splice(0)) send();
  await expect(early.getByTestId("connection-status")).toHaveAttribute("data-synced", "true");
  await expect(titleInput(row(anna.page, 1))).toHaveValue(`${before} typed early`);
  await expect(early.getByTestId("save-status")).toHaveAttribute("data-unsaved", "0");
  await expect(titleInput(row(early, 1))).toHaveValue(`${before} typed early`);
  await anna.context.close();
});
