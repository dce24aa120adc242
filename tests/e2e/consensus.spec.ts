/**
 * Issue 4: comments, national positions and agreement, live across three
 * delegations. The chair (an institution, so not a participant) proposes a
 * threat under silence procedure; France breaks silence, then supports; the
 * chair declares agreement and the threat is locked everywhere.
 */
import { expect, test, type Locator, type Page } from "@playwright/test";
import { createBoard, createInviteLink, newPerson, signUp, signUpAndJoin } from "./support/accounts";
import { row, titleInput } from "./support/board";
import { openRowPanel, panel, positionOf, recordPosition } from "./support/consensus";

const CHAIR = { name: "Chloé Martin", delegation: "NATO International Staff" };
const GERMANY = { name: "Anna Schmidt", delegation: "Germany" };
const FRANCE = { name: "Fabien Roux", delegation: "France" };

const status = (page: Page): Locator => row(page, 0).getByTestId("row-status");

test("three delegations comment, take positions and reach agreement; the agreed threat is locked", async ({
  browser,
}) => {
  const chair = await newPerson(browser);
  const germany = await newPerson(browser);
  const france = await newPerson(browser);
  const everyone = [chair.page, germany.page, france.page];

  await signUp(chair.page, CHAIR);
  const boardId = await createBoard(chair.page, "Consensus e2e");
  const membersTab = await chair.context.newPage();
  const germanyLink = await createInviteLink(membersTab, boardId, "delegate");
  const franceLink = await createInviteLink(membersTab, boardId, "delegate");
  await membersTab.close();
  await signUpAndJoin(germany.page, germanyLink, GERMANY);
  await signUpAndJoin(france.page, franceLink, FRANCE);
  const title = await titleInput(row(chair.page, 0)).inputValue();

  // Nobody has spoken: draft, pending for both participating delegations (the chair's institution is not one).
  for (const page of everyone) {
    await expect(status(page)).toHaveAttribute("data-workflow", "draft");
    await expect(status(page).getByTestId("row-consensus")).toHaveText("Pending: France, Germany");
  }

  // Germany comments on the threat, mentioning France; the link is rendered safely.
  const germanPanel = await openRowPanel(germany.page, "comments");
  await expect(germanPanel.getByRole("heading", { name: "Comments" })).toBeFocused();
  const form = germanPanel.getByTestId("comment-form");
  await form.getByTestId("comment-body").fill("Can we agree this wording? Background: https://example.org/brief ");
  await form.getByTestId("mention-select").selectOption({ label: "France" });
  await expect(form.getByTestId("comment-body")).toHaveValue(/https:\/\/example\.org\/brief @France $/);
  await expect(form.locator('input[name="mentionDelegationCodes"]')).toHaveValue("FR");
  await form.getByTestId("comment-submit").click();
  await expect(germanPanel.getByTestId("comment")).toHaveCount(1);
  await expect(form.getByTestId("comment-body")).toHaveValue("");
  // Escape closes the panel and gives focus back to the button that opened it.
  await germany.page.keyboard.press("Escape");
  await expect(panel(germany.page)).toHaveCount(0);
  await expect(row(germany.page, 0).getByTestId("row-comments-button")).toBeFocused();
  await expect(row(germany.page, 0).getByTestId("row-comments-button")).toHaveAccessibleName(
    `1 open thread: comments on ${title}`,
  );

  // France sees the mention badge; opening the open threads marks it read.
  await expect(france.page.getByTestId("mention-badge")).toHaveText("@1");
  await expect(row(france.page, 0).getByTestId("row-comments-button")).toHaveAccessibleName(
    `1 open thread: comments on ${title}`,
  );
  await france.page.getByTestId("threads-toggle").click();
  const threads = france.page.getByTestId("open-threads-panel");
  await expect(threads.getByTestId("open-thread")).toHaveCount(1);
  await expect(threads.getByTestId("open-thread")).toContainText("Mentions you");
  await expect(france.page.getByTestId("mention-badge")).toHaveCount(0);
  await threads.getByRole("button", { name: `Open ${title}` }).click();
  const link = panel(france.page).getByRole("link", { name: "https://example.org/brief" });
  await expect(link).toHaveAttribute("rel", "noopener noreferrer nofollow");
  await expect(link).toHaveAttribute("target", "_blank");

  // Positions: Germany supports, France reserves.
  await openRowPanel(germany.page);
  await recordPosition(germany.page, "Support");
  await recordPosition(france.page, "Reserve", { label: "Reservation", value: "Subject to confirmation by capital" });
  await expect(positionOf(germany.page, "FR")).toHaveAttribute("data-position", "reserve");
  await expect(positionOf(germany.page, "FR")).toContainText("Subject to confirmation by capital");
  await expect(positionOf(france.page, "DE")).toHaveAttribute("data-position", "support");

  // The chair proposes the threat under silence procedure, deadline a few minutes ahead.
  const chairPanel = await openRowPanel(chair.page);
  await expect(chairPanel.getByTestId("position-form")).toHaveCount(0);
  const deadline = await chair.page.evaluate(() => {
    const at = new Date(Date.now() + 3 * 60_000);
    const pad = (n: number) => String(n).padStart(2, "0");
    return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}T${pad(at.getHours())}:${pad(at.getMinutes())}`;
  });
  const propose = chairPanel.getByTestId("propose-form");
  await propose.getByRole("radio", { name: /^Silence procedure/ }).check();
  await propose.getByLabel("Silence deadline (your local time)").fill(deadline);
  await propose.getByRole("button", { name: `Propose for agreement: ${title}` }).click();
  for (const page of everyone) {
    await expect(status(page)).toHaveAttribute("data-workflow", "proposed");
    await expect(status(page).getByTestId("row-workflow")).toContainText("Proposed — silence until");
  }

  // France breaks silence: back to draft, blocked by France, everywhere.
  await recordPosition(france.page, "Object", {
    label: "Reason for objecting",
    value: "The text must name the hybrid dimension",
  });
  for (const page of everyone) {
    await expect(status(page)).toHaveAttribute("data-workflow", "draft");
    await expect(status(page).getByTestId("row-consensus")).toHaveText("Blocked by France");
  }
  await expect(chairPanel.getByTestId("silence-broken-by")).toHaveText("Silence last broken by France.");
  await expect(chairPanel.getByTestId("declare-agreed")).toBeDisabled();
  await expect(chairPanel.getByTestId("declare-blocker")).toHaveText("Cannot declare agreement: blocked by France.");

  // France comes round; the chair declares agreement.
  await recordPosition(france.page, "Support");
  await expect(status(chair.page).getByTestId("row-consensus")).toHaveText("Consensus");
  await chairPanel.getByTestId("position-history-toggle").click();
  await expect(chairPanel.getByTestId("position-history").locator("li")).toHaveCount(4);
  await expect(chairPanel.getByTestId("position-history").locator("li").first()).toContainText("France: Support");
  // Back in draft after the objection: only a proposed row can be declared, so the chair proposes it again.
  await expect(chairPanel.getByTestId("declare-blocker")).toHaveText(
    "Cannot declare agreement yet: propose this row for agreement first.",
  );
  await propose.getByRole("radio", { name: /^Consensus/ }).check();
  await propose.getByRole("button", { name: `Propose for agreement: ${title}` }).click();
  await expect(status(chair.page)).toHaveAttribute("data-workflow", "proposed");
  await chairPanel.getByRole("button", { name: `Declare agreed: ${title}` }).click();
  for (const page of everyone) {
    await expect(status(page)).toHaveAttribute("data-workflow", "agreed");
    await expect(status(page).getByTestId("row-workflow")).toHaveText("Agreed");
    await expect(row(page, 0).getByTestId("row-locked-note")).toHaveText("Agreed — locked. The chair can reopen it.");
    await expect(titleInput(row(page, 0))).toBeDisabled();
    await expect(row(page, 0).getByRole("radio").first()).toBeDisabled();
    await expect(page.getByTestId("agreement-agreed")).toHaveText("1");
  }
  await expect(panel(germany.page).getByTestId("position-form")).toHaveCount(0);

  // An edit that gets past the disabled field anyway is undone by the server, which says why.
  const input = titleInput(row(germany.page, 0));
  await input.evaluate((element: HTMLInputElement) => {
    element.disabled = false;
    element.readOnly = false;
  });
  await input.click();
  await input.press("End");
  await input.pressSequentially(" hacked");
  await expect(germany.page.getByTestId("row-locked-notice")).toHaveText(
    "This row is agreed and locked; the chair can reopen it.",
  );
  for (const page of everyone) await expect(titleInput(row(page, 0))).toHaveValue(title);

  for (const person of [chair, germany, france]) await person.context.close();
});

test("HARDEN-26 a position given before an edit shows as given on an earlier text and is renewed in one click; a 5-second silence counts down and reads as agreed under silence", async ({
  browser,
}) => {
  const chair = await newPerson(browser);
  const germany = await newPerson(browser);
  const france = await newPerson(browser);
  await signUp(chair.page, CHAIR);
  const boardId = await createBoard(chair.page, "Agreement record e2e");
  const membersTab = await chair.context.newPage();
  const germanyLink = await createInviteLink(membersTab, boardId, "delegate");
  const franceLink = await createInviteLink(membersTab, boardId, "delegate");
  await membersTab.close();
  await signUpAndJoin(germany.page, germanyLink, GERMANY);
  await signUpAndJoin(france.page, franceLink, FRANCE);

  await openRowPanel(germany.page);
  await recordPosition(germany.page, "Support");
  await expect(positionOf(germany.page, "DE")).toHaveAttribute("data-current", "true");
  // France edits the title: Germany's support was given on the earlier text.
  const input = titleInput(row(france.page, 0));
  await input.click();
  await input.press("End");
  await input.pressSequentially(" (amended)");
  await expect(positionOf(germany.page, "DE")).toHaveAttribute("data-current", "false");
  await expect(positionOf(germany.page, "DE").getByTestId("position-stale")).toHaveText(
    "Given on an earlier text: does not count until renewed",
  );
  await expect(status(germany.page).getByTestId("row-consensus")).toHaveText("Pending: France, Germany");
  await positionOf(germany.page, "DE").getByTestId("renew-position").click();
  await expect(positionOf(germany.page, "DE")).toHaveAttribute("data-current", "true");
  await expect(status(germany.page).getByTestId("row-consensus")).toHaveText("Pending: France");

  // A silence deadline a few seconds ahead: a live countdown, then "agreed under silence", not "Pending: France".
  const chairPanel = await openRowPanel(chair.page);
  const propose = chairPanel.getByTestId("propose-form");
  await propose.getByRole("radio", { name: /^Silence procedure/ }).check();
  await propose.getByTestId("silence-minutes").fill("0");
  await propose.getByTestId("silence-seconds").fill("5");
  await propose.getByRole("button", { name: /^Propose for agreement/ }).click();
  await expect(status(france.page).getByTestId("silence-countdown")).toHaveText(/^Silence ends in 0:0[1-5]$/);
  await expect(status(france.page).getByTestId("row-workflow")).toHaveText(
    "Agreed under silence (no objection from France)",
  );
  for (const person of [chair, germany, france]) await person.context.close();
});
