/**
 * Issue 15, "done when": a chair runs a real meeting of ten delegations in
 * Remit alone, from the agenda to the adopted version and its record.
 *
 * The chair (NATO International Staff, so no position of its own) holds a
 * joint NATO–EU board marked NATO UNCLASSIFIED and releasable to Allies and EU
 * member states. Ten delegations join (Allies only, EU only and both); Japan,
 * a partner outside the releasability, is refused. The chair builds the
 * agenda and takes item 1; Germany follows the chair, Austria does not.
 * Hands go up, the chair gives the floor. Austria brackets the first threat,
 * the chair resolves the bracket, proposes the threat, all ten delegations
 * speak (Austria with a reservation), and the chair declares agreement,
 * publishes the adopted version and finalises the record.
 */
import { readFileSync } from "node:fs";
import { expect, test, type Locator, type Page } from "@playwright/test";
import {
  newPerson,
  signUp,
  signUpAndJoin,
  submitSignUp,
  uniqueEmail,
  waitForSynced,
  type Person,
} from "./support/accounts";
import { row, titleInput } from "./support/board";

test.setTimeout(1_200_000);
// A click that cannot happen fails within a minute instead of waiting for the whole scenario's budget.
test.use({ actionTimeout: 60_000 });

const CHAIR: Person = { name: "Chloé Martin", delegation: "NATO International Staff" };
const GERMANY: Person = { name: "Anna Schmidt", delegation: "Germany" };
const AUSTRIA: Person = { name: "Lena Gruber", delegation: "Austria" };
/** The other eight: Allies only (US, NO, TR), EU only (IE), both (FR, IT, PL, NL). */
const OTHERS: Person[] = [
  { name: "Fabien Roux", delegation: "France" },
  { name: "Giulia Conti", delegation: "Italy" },
  { name: "Piotr Nowak", delegation: "Poland" },
  { name: "Sanne de Vries", delegation: "Netherlands" },
  { name: "Jordan Ellis", delegation: "United States" },
  { name: "Ingrid Berg", delegation: "Norway" },
  { name: "Emre Yılmaz", delegation: "Türkiye" },
  { name: "Aoife Byrne", delegation: "Ireland" },
];
const JAPAN: Person = { name: "Haruto Sato", delegation: "Japan" };

const panel = (page: Page): Locator => page.getByTestId("row-panel");
const status = (page: Page): Locator => row(page, 0).getByTestId("row-status");

async function openStatusPanel(page: Page): Promise<Locator> {
  await row(page, 0).getByTestId("row-status-button").click();
  await expect(panel(page)).toBeVisible();
  return panel(page);
}

async function recordPosition(page: Page, position: string, text?: { label: string; value: string }) {
  const form = panel(page).getByTestId("position-form");
  await form.getByRole("radio", { name: position, exact: true }).check();
  if (text) await form.getByLabel(text.label).fill(text.value);
  await form.getByRole("button", { name: /^Record position/ }).click();
  await expect(form.getByRole("status")).toHaveText("Position recorded.");
}

test("a chair runs a meeting of ten delegations from the agenda to the adopted version and its record", async ({
  browser,
}) => {
  const chair = await newPerson(browser);
  const germany = await newPerson(browser);
  const austria = await newPerson(browser);
  const room = [chair.page, germany.page, austria.page];

  // The chair creates a joint NATO–EU board from the starter catalogue.
  await signUp(chair.page, CHAIR);
  await chair.page.goto("/");
  const create = chair.page.getByTestId("create-board-form");
  await create.getByLabel("Title").fill("NATO–EU structured dialogue on resilience");
  await create.getByTestId("template-starter").check();
  await create.getByTestId("forum-select").selectOption("joint");
  await create.getByRole("button", { name: "Create board" }).click();
  await expect(chair.page).toHaveURL(/\/boards\/[A-Za-z0-9_-]+$/);
  await waitForSynced(chair.page);
  const boardId = new URL(chair.page.url()).pathname.split("/").pop()!;
  const title = await titleInput(row(chair.page, 0)).inputValue();

  // The chair opens the meeting's record before anything happens, so the record covers the whole meeting.
  const chairRecord = await chair.context.newPage();
  await chairRecord.goto(`/boards/${boardId}/record`);
  const open = chairRecord.getByTestId("open-record-form");
  await open.getByLabel("Meeting title").fill("Resilience, first reading");
  await open.getByRole("button", { name: "Open the meeting" }).click();
  await expect(chairRecord).toHaveURL(new RegExp(`/boards/${boardId}/record/1$`));

  // Marked NATO UNCLASSIFIED and releasable to NATO Allies and EU member states only.
  await chairRecord.goto(`/boards/${boardId}/marking`);
  const marking = chairRecord.getByTestId("marking-form");
  await marking.locator('[name="marking"]').selectOption("NATO UNCLASSIFIED");
  await marking.locator('input[name="releasability"][value="nato-eu"]').check();
  await marking.getByTestId("marking-save").click();
  await expect(chairRecord.getByTestId("marking-saved")).toBeVisible();
  await chair.page.reload();
  await waitForSynced(chair.page);
  for (const position of ["top", "bottom"]) {
    await expect(chair.page.getByTestId(`marking-banner-${position}`)).toHaveAttribute(
      "data-marking",
      "NATO UNCLASSIFIED",
    );
  }

  // Ten delegations join from one invitation link.
  await chairRecord.goto(`/boards/${boardId}/members`);
  const inviteForm = chairRecord.getByTestId("invite-form");
  await inviteForm.getByLabel("Role").selectOption("delegate");
  await inviteForm.getByTestId("invite-multi").check();
  await inviteForm.getByTestId("create-invite").click();
  const linkField = chairRecord.getByTestId("invite-link");
  await expect(linkField).toHaveValue(/\/invite\/[A-Za-z0-9_-]{43}$/);
  const link = await linkField.inputValue();
  await signUpAndJoin(germany.page, link, GERMANY);
  await signUpAndJoin(austria.page, link, AUSTRIA);
  const others = [];
  for (const person of OTHERS) {
    const delegate = await newPerson(browser);
    await signUpAndJoin(delegate.page, link, person);
    // Their board tabs close to spare the machine; each comes back to speak.
    await delegate.page.goto("/");
    others.push(delegate);
  }

  // Japan, a partner outside the releasability, is refused at the door and told why.
  const japan = await newPerson(browser);
  await japan.page.goto(link);
  await japan.page.getByTestId("invite-sign-up").click();
  await submitSignUp(japan.page, { ...JAPAN, email: uniqueEmail(JAPAN.name) });
  await japan.page.getByTestId("join-board").click();
  await expect(japan.page.getByTestId("invite-problem")).toHaveAttribute("data-problem", "not-releasable");
  await japan.context.close();

  // The agenda: item 1 is the first threat, item 2 the second. Germany follows the chair; Austria does not.
  const rowIds = await chair.page
    .getByTestId("threat-row")
    .evaluateAll((rows) => rows.map((element) => element.getAttribute("data-row-id")!));
  const agenda = chair.page.getByTestId("agenda-item-form");
  await agenda.locator('[name="title"]').fill("Critical infrastructure");
  await agenda.locator('[name="rowIds"]').selectOption([rowIds[0]]);
  await chair.page.getByTestId("agenda-add").click();
  await expect(chair.page.getByTestId("agenda-item")).toHaveCount(1);
  await agenda.locator('[name="title"]').fill("Foreign-controlled clouds");
  await agenda.locator('[name="rowIds"]').selectOption([rowIds[1]]);
  await chair.page.getByTestId("agenda-add").click();
  await expect(chair.page.getByTestId("agenda-item")).toHaveCount(2);
  await expect(germany.page.getByTestId("follow-chair")).toHaveAttribute("aria-pressed", "true");
  await austria.page.getByTestId("follow-chair").click();
  await expect(austria.page.getByTestId("follow-chair")).toHaveAttribute("aria-pressed", "false");
  await chair.page.getByTestId("agenda-next").click();
  for (const page of room) {
    await expect(page.getByTestId("meeting-current")).toContainText("Critical infrastructure");
    await expect(page.locator(`[data-row-id="${rowIds[0]}"]`)).toHaveAttribute("data-current-item", "true");
  }

  // Tour de table: Austria, then Germany, ask for the floor; the chair gives it to Austria.
  await austria.page.getByTestId("raise-hand").click();
  const speakers = chair.page.getByTestId("speaking-list-entry");
  await expect(speakers).toHaveCount(1);
  await germany.page.getByTestId("raise-hand").click();
  await expect(speakers).toHaveCount(2);
  await expect(speakers.nth(0)).toHaveAttribute("data-delegation", "AT");
  await expect(speakers.nth(1)).toHaveAttribute("data-delegation", "DE");
  await chair.page.getByTestId("floor-timer").selectOption("180");
  await speakers.nth(0).getByRole("button", { name: "Give the floor to Austria" }).click();
  for (const page of room) await expect(page.getByTestId("floor-speaker")).toHaveAttribute("data-delegation", "AT");
  await expect(austria.page.getByTestId("floor-announcer")).toHaveText("You have the floor for 3 min.");

  // Austria puts the first threat's responsibility in brackets: [current] [Shared, EU lead]. Germany joins.
  const austriaPanel = await openStatusPanel(austria.page);
  const alternative = austriaPanel.getByTestId("bracket-propose-form");
  await alternative.getByTestId("bracket-field").selectOption("responsibility");
  await alternative.getByTestId("bracket-responsibility-input").selectOption("Shared");
  await alternative.getByTestId("bracket-lead-input").selectOption("EU");
  await alternative.getByTestId("bracket-submit").click();
  for (const page of room)
    await expect(row(page, 0).getByTestId("bracket-responsibility")).toContainText("[Shared, EU lead]");
  const germanyPanel = await openStatusPanel(germany.page);
  await germanyPanel.getByTestId("bracket-join").click();
  await expect(germanyPanel.getByTestId("bracket-sponsors")).toContainText("Germany");

  // The README's picture of a meeting (docs/meeting.png is copied from here): Austria speaking, the bracket open.
  await chair.page.setViewportSize({ width: 1440, height: 900 });
  await chair.page.evaluate(() => window.scrollTo(0, 0));
  await chair.page.screenshot({ path: test.info().outputPath("meeting.png") });

  // A bracketed row cannot be proposed; the chair takes Austria's side and the bracket is gone everywhere.
  const chairPanel = await openStatusPanel(chair.page);
  await expect(chairPanel.getByTestId("bracket-blocked")).toBeVisible();
  await chairPanel.getByTestId("bracket-alternative").getByTestId("bracket-choose").click();
  for (const page of room) {
    await expect(row(page, 0)).toHaveAttribute("data-responsibility", "Shared");
    await expect(row(page, 0).getByTestId("bracket-responsibility")).toHaveCount(0);
  }

  // The chair proposes the threat; Shared needs consensus among the Allies and among the EU members present.
  const propose = chairPanel.getByTestId("propose-form");
  await propose.getByRole("radio", { name: /^Consensus/ }).check();
  await propose.getByRole("button", { name: `Propose for agreement: ${title}` }).click();
  for (const page of room) await expect(status(page)).toHaveAttribute("data-workflow", "proposed");

  await recordPosition(germany.page, "Support");
  await recordPosition(austria.page, "Reserve", {
    label: "Reservation",
    value: "Subject to the Federal Chancellery's confirmation",
  });
  for (const delegate of others) {
    await delegate.page.goto(`/boards/${boardId}`);
    await waitForSynced(delegate.page);
    await openStatusPanel(delegate.page);
    await recordPosition(delegate.page, "Support");
    await delegate.page.goto("/");
  }
  await expect(status(chair.page).getByTestId("row-consensus")).toHaveText("With reservations: Austria");
  await chairPanel.getByRole("button", { name: `Declare agreed: ${title}` }).click();
  for (const page of room) await expect(status(page)).toHaveAttribute("data-workflow", "agreed");

  // Next item: Germany's grid follows the chair to it.
  await chair.page.getByTestId("agenda-next").click();
  for (const page of room) await expect(page.getByTestId("meeting-current")).toContainText("Foreign-controlled clouds");
  await expect(germany.page.locator(`[data-row-id="${rowIds[1]}"]`)).toBeInViewport();

  // The chair publishes the adopted version.
  const versions = await chair.context.newPage();
  await versions.goto(`/boards/${boardId}/versions`);
  const publish = versions.getByTestId("publish-form");
  await publish.getByLabel("Title of the version").fill("Adopted at first reading");
  await publish.getByRole("radio", { name: "All threats" }).check();
  await publish.getByRole("button", { name: "Publish" }).click();
  await expect(versions).toHaveURL(new RegExp(`/boards/${boardId}/versions/1$`));
  // The version records the forum, the marking and who was in the room, with their standing.
  await expect(versions.getByTestId("version-forum")).toHaveText("Joint NATO–EU");
  await expect(versions.getByTestId("version-marking")).toHaveText("NATO UNCLASSIFIED");
  await expect(versions.getByTestId("version-membership").locator('[data-delegation="AT"]')).toContainText(
    "EU member state",
  );
  await expect(versions.getByTestId("version-membership").locator('[data-delegation="US"]')).toContainText("NATO Ally");

  // The record: regenerated from what happened, finalised, downloaded.
  await chairRecord.goto(`/boards/${boardId}/record/1`);
  await chairRecord.getByRole("button", { name: "Regenerate from the board's events" }).click();
  await expect(chairRecord.getByTestId("section-text-positions")).toHaveValue(/Austria/);
  await expect(chairRecord.getByTestId("section-text-items")).toHaveValue(/Critical infrastructure/);
  await expect(chairRecord.getByTestId("section-text-brackets")).toHaveValue(
    /\[Shared, EU lead\] \(sponsored by AT, DE\)/,
  );
  await chairRecord.getByTestId("record-finalise").click();
  await expect(chairRecord.getByTestId("record-state")).toHaveAttribute("data-state", "final");
  const exportForm = chairRecord.getByTestId("record-export-form");
  await exportForm.getByLabel("Format").selectOption("md");
  const [download] = await Promise.all([
    chairRecord.waitForEvent("download"),
    exportForm.getByRole("button", { name: "Download" }).click(),
  ]);
  const markdown = readFileSync((await download.path())!, "utf8");
  expect(markdown).toContain("Critical infrastructure");
  expect(markdown).toContain("Subject to the Federal Chancellery's confirmation");

  for (const person of [chair, germany, austria, ...others]) await person.context.close();
});
