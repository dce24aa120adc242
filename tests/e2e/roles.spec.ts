/**
 * Issue 3: roles. An observer sees the board live but cannot edit; a delegate
 * can; the chair promotes the observer and they can edit at once, without reloading.
 */
import { expect, test, type Page } from "@playwright/test";
import { createBoard, createInviteLink, newPerson, signUp, signUpAndJoin } from "./support/accounts";
import { appendToTitle, row, setResponsibility, titleInput } from "./support/board";

const CHAIR = { name: "Claire Dubois", delegation: "France" };
const OBSERVER = { name: "Olga Tamm", delegation: "Estonia" };
const DELEGATE = { name: "Dawid Nowak", delegation: "Poland" };

async function expectReadOnly(page: Page) {
  await expect(page.getByTestId("read-only-badge")).toHaveText("Observer — read-only");
  await expect(titleInput(row(page, 0))).not.toBeEditable();
  await expect(row(page, 0).getByRole("radio").first()).toBeDisabled();
  await expect(row(page, 0).locator("select.category-select")).toBeDisabled();
  await expect(page.getByTestId("add-row")).toHaveCount(0);
  await expect(row(page, 0).locator('[data-action="delete"]')).toHaveCount(0);
}

test("observers are read-only until the chair promotes them, live", async ({ browser }) => {
  const chair = await newPerson(browser);
  const observer = await newPerson(browser);
  const delegate = await newPerson(browser);

  await signUp(chair.page, CHAIR);
  const boardId = await createBoard(chair.page, "Roles e2e");
  const members = await chair.context.newPage();
  const observerLink = await createInviteLink(members, boardId, "observer");
  const delegateLink = await createInviteLink(members, boardId, "delegate");

  // The observer: read-only, but the chair's edits still arrive.
  await signUpAndJoin(observer.page, observerLink, OBSERVER);
  await expectReadOnly(observer.page);
  const current = await row(chair.page, 0).getAttribute("data-responsibility");
  const next = current === "NATO" ? "EU" : "NATO";
  await setResponsibility(row(chair.page, 0), next);
  await expect(row(observer.page, 0)).toHaveAttribute("data-responsibility", next);

  // The delegate can edit, and the chair sees it.
  await signUpAndJoin(delegate.page, delegateLink, DELEGATE);
  await expect(delegate.page.getByTestId("role-badge")).toHaveAttribute("data-role", "delegate");
  await appendToTitle(row(delegate.page, 1), " [delegate]");
  await expect(titleInput(row(chair.page, 1))).toHaveValue(/ \[delegate\]$/);
  await expect(titleInput(row(observer.page, 1))).toHaveValue(/ \[delegate\]$/);

  // The chair promotes the observer on the members page; the observer's page is not reloaded.
  await observer.page.evaluate(() => ((window as unknown as { notReloaded: boolean }).notReloaded = true));
  await members.goto(`/boards/${boardId}/members`);
  const observerRow = members.getByTestId("member-row").filter({ hasText: OBSERVER.name });
  await expect(observerRow).toHaveAttribute("data-role", "observer");
  await observerRow.getByTestId("role-select").selectOption("delegate");
  await observerRow.getByTestId("save-role").click();
  await expect(observerRow).toHaveAttribute("data-role", "delegate");

  await expect(observer.page.getByTestId("read-only-badge")).toHaveCount(0);
  await expect(observer.page.getByTestId("role-badge")).toHaveAttribute("data-role", "delegate");
  // Said once, politely, to whoever is using a screen reader.
  await expect(observer.page.getByTestId("board-announcer")).toHaveText("Your role on this board is now Delegate.");
  await expect(titleInput(row(observer.page, 2))).toBeEditable();
  await appendToTitle(row(observer.page, 2), " [promoted]");
  await expect(titleInput(row(chair.page, 2))).toHaveValue(/ \[promoted\]$/);
  expect(await observer.page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);

  for (const person of [chair, observer, delegate]) await person.context.close();
});

test("COLLAB-40 edits a delegate made before being made observer are said not saved, never 'Saving…', and are saved once the role is given back", async ({
  browser,
}) => {
  const chair = await newPerson(browser);
  const delegate = await newPerson(browser);
  // The delegate's frames to the server are held while `holdSends`, so the edit is still unsent when the role changes.
  let holdSends = false;
  const held: (string | Buffer)[] = [];
  let toServer: ((message: string | Buffer) => void) | null = null;
  await delegate.page.routeWebSocket(/\/collab\//, (client) => {
    const server = client.connectToServer();
    toServer = (message) => server.send(message);
    client.onMessage((message) => (holdSends ? held.push(message) : server.send(message)));
    server.onMessage((message) => client.send(message));
  });

  await signUp(chair.page, CHAIR);
  const boardId = await createBoard(chair.page, "Demoted with unsaved edits");
  const members = await chair.context.newPage();
  const delegateLink = await createInviteLink(members, boardId, "delegate");
  await signUpAndJoin(delegate.page, delegateLink, DELEGATE);
  await expect(delegate.page.getByTestId("role-badge")).toHaveAttribute("data-role", "delegate");

  holdSends = true;
  await appendToTitle(row(delegate.page, 0), " [before demotion]");
  const status = delegate.page.getByTestId("save-status");
  await expect(status).toHaveAttribute("data-unsaved", /^[1-9]\d*$/);

  const setRole = async (role: string) => {
    await members.goto(`/boards/${boardId}/members`);
    const member = members.getByTestId("member-row").filter({ hasText: DELEGATE.name });
    await member.getByTestId("role-select").selectOption(role);
    await member.getByTestId("save-role").click();
    await expect(member).toHaveAttribute("data-role", role);
  };
  await setRole("observer");
  await expectReadOnly(delegate.page);
  // The held frames reach the server now, from an observer: dropped, never acknowledged (COLLAB-30).
  holdSends = false;
  for (const message of held.splice(0)) toServer!(message);
  await expect(status).toContainText(/changes? not saved: you can no longer edit this board/);
  await expect(status).not.toContainText("Saving");
  await expect(titleInput(row(chair.page, 0))).not.toHaveValue(/\[before demotion\]$/);

  // Writing given back: the server asks for the page's state and the kept edit is saved.
  await setRole("delegate");
  await expect(status).toHaveAttribute("data-unsaved", "0", { timeout: 60_000 });
  await expect(status).toContainText("All changes saved");
  await expect(titleInput(row(chair.page, 0))).toHaveValue(/ \[before demotion\]$/);

  for (const person of [chair, delegate]) await person.context.close();
});
