/**
 * Issue 5: import, agreed versions, exports and the diff, across a chair and
 * a delegate. The delegate imports a CSV in the export's own layout (one bad
 * row: only the valid rows go in, live, as one undo step); a row is agreed;
 * the chair publishes v1; the delegate downloads v1 in every format (and the
 * live board as a DRAFT) and every file carries the fingerprint shown on the
 * page; an edit afterwards shows up in the diff between v1 and the live board.
 */
import { expect, test, type Page } from "@playwright/test";
import ExcelJS from "exceljs";
import { createBoard, createInviteLink, newPerson, signUp, signUpAndJoin, waitForSynced } from "./support/accounts";
import { row, rows, setResponsibility, titleInput } from "./support/board";
import { CSV_HEADER, UTF8_BOM, csvFile, csvLines, downloadExport, exportPanel } from "./support/versions";

// The chair speaks for an institution, so Germany is the only delegation that takes positions.
const CHAIR = { name: "Chloé Martin", delegation: "NATO International Staff" };
const GERMANY = { name: "Anna Schmidt", delegation: "Germany" };
const BOARD_TITLE = "Versions e2e Łódź";
// What exportFileName makes of BOARD_TITLE: accents folded, Ł → l, spaces → dashes.
const SLUG = "versions-e2e-lodz";
const VERSION_TITLE = "Spring plenary";

const IMPORTED = [
  { title: "Sabotage of undersea data cables (imported)", responsibility: "Shared" },
  { title: "Ransomware on port logistics (imported)", responsibility: "NATO" },
] as const;
const IMPORT_FILE = csvFile([
  // line 2
  {
    Title: IMPORTED[0].title,
    Category: "infrastructure",
    Responsibility: "Shared",
    Lead: "EU",
    Instruments: "NIS2 Directive [eu-nis2-directive]",
    Notes: "Raised by Germany, 3 March",
    "Workflow state": "draft",
  },
  // line 3: not a responsibility
  { Title: "Deepfake campaign against an election (imported)", Category: "information", Responsibility: "Atlantic" },
  // line 4
  {
    Title: IMPORTED[1].title,
    Category: "cyber",
    Responsibility: "nato",
    Description: "Hand-made row, lower-case enum",
  },
]);

async function expectRowCount(pages: Page[], count: number) {
  for (const page of pages) await expect(rows(page)).toHaveCount(count);
}

test("import with a bad row, agree, publish v1, export every format, diff against the live board", async ({
  browser,
}) => {
  const chair = await newPerson(browser);
  const germany = await newPerson(browser);
  const both = [chair.page, germany.page];

  // 1. Chair creates a starter board; Germany joins by invite link.
  await signUp(chair.page, CHAIR);
  const boardId = await createBoard(chair.page, BOARD_TITLE);
  await expect(rows(chair.page)).toHaveCount(15);
  const membersTab = await chair.context.newPage();
  const link = await createInviteLink(membersTab, boardId, "delegate");
  await membersTab.close();
  await signUpAndJoin(germany.page, link, GERMANY);
  await expectRowCount(both, 15);

  // 2. Germany imports the CSV from the board's import section.
  const section = germany.page.getByTestId("import-section");
  await section.locator("summary").click();
  await section.getByLabel("File").setInputFiles({ name: "threats.csv", mimeType: "text/csv", buffer: IMPORT_FILE });
  await section.getByRole("button", { name: "Check file" }).click();
  const preview = section.getByTestId("import-preview");
  await expect(preview.getByRole("heading", { level: 3 })).toHaveText("Preview: 3 rows (CSV)");
  await expect(preview).toContainText("2 of 3 rows can be imported.");
  const badRow = preview.locator('tr[data-line="3"]');
  await expect(badRow).toHaveClass(/import-row-error/);
  await expect(badRow.getByRole("rowheader")).toHaveText("3");
  // Issue 11 #5: a row with errors still shows its title.
  await expect(badRow).toContainText("Deepfake campaign against an election (imported)");
  await expect(badRow).toContainText(
    "Responsibility: Unknown responsibility “Atlantic”; expected one of NATO, EU, Shared, Unassigned",
  );
  await expect(preview.locator("tr.import-row-error")).toHaveCount(1);
  await expect(preview.locator('tr[data-line="2"]')).toContainText("NIS2 Directive");
  await expect(section.getByRole("button", { name: "Import all 3 rows" })).toBeDisabled();
  await section.getByRole("button", { name: "Import only the 2 valid rows" }).click();
  await expect(section.getByTestId("import-status")).toContainText("Imported 2 threats.");

  // The two rows arrive live at the chair, at the end, as imported.
  await expectRowCount(both, 17);
  for (const page of both) {
    await expect(titleInput(row(page, 15))).toHaveValue(IMPORTED[0].title);
    await expect(row(page, 15)).toHaveAttribute("data-responsibility", IMPORTED[0].responsibility);
    await expect(titleInput(row(page, 16))).toHaveValue(IMPORTED[1].title);
    await expect(row(page, 16)).toHaveAttribute("data-responsibility", IMPORTED[1].responsibility);
  }

  // The import is one undo step in Germany's browser, and redo brings both rows back.
  await germany.page.keyboard.press("Control+z");
  await expectRowCount(both, 15);
  // Issue 11 #5: after the undo the status no longer says "Imported 2 threats".
  await expect(section.getByTestId("import-status")).toHaveText("The import was undone: the 2 threats were removed.");
  await germany.page.keyboard.press("Control+Shift+z");
  await expectRowCount(both, 17);
  await expect(section.getByTestId("import-status")).toContainText("Imported 2 threats.");
  await expect(titleInput(row(chair.page, 16))).toHaveValue(IMPORTED[1].title);

  // 3. Germany supports row 1; the chair declares it agreed.
  const agreedTitle = await titleInput(row(chair.page, 0)).inputValue();
  await row(germany.page, 0).getByTestId("row-status-button").click();
  const positionForm = germany.page.getByTestId("row-panel").getByTestId("position-form");
  await positionForm.getByRole("radio", { name: "Support", exact: true }).check();
  await positionForm.getByRole("button", { name: /^Record position/ }).click();
  await expect(positionForm.getByRole("status")).toHaveText("Position recorded.");
  await row(chair.page, 0).getByTestId("row-status-button").click();
  await expect(row(chair.page, 0).getByTestId("row-consensus")).toHaveText("Consensus");
  // Only a proposed row can be declared agreed (HARDEN-23): the chair proposes it by consensus first.
  const chairPanel = chair.page.getByTestId("row-panel");
  const propose = chairPanel.getByTestId("propose-form");
  await propose.getByRole("radio", { name: /^Consensus/ }).check();
  await propose.getByRole("button", { name: `Propose for agreement: ${agreedTitle}` }).click();
  await expect(row(chair.page, 0).getByTestId("row-status")).toHaveAttribute("data-workflow", "proposed");
  await chairPanel.getByRole("button", { name: `Declare agreed: ${agreedTitle}` }).click();
  for (const page of both)
    await expect(row(page, 0).getByTestId("row-status")).toHaveAttribute("data-workflow", "agreed");

  // 4. Germany opens the versions page: nothing yet. The chair publishes v1 (all threats).
  await germany.page.getByRole("link", { name: "Agreed versions" }).click();
  await expect(germany.page.getByTestId("no-versions")).toBeVisible();

  await chair.page.getByRole("link", { name: "Agreed versions" }).click();
  await expect(chair.page).toHaveURL(new RegExp(`/boards/${boardId}/versions$`));
  const publish = chair.page.getByTestId("publish-form");
  await publish.getByLabel("Title of the version").fill(VERSION_TITLE);
  await publish.getByRole("radio", { name: "All threats" }).check();
  await publish.getByRole("button", { name: "Publish" }).click();
  await expect(chair.page).toHaveURL(new RegExp(`/boards/${boardId}/versions/1$`));
  await expect(chair.page.getByRole("heading", { level: 1 })).toContainText(`Version 1: ${VERSION_TITLE}`);
  const fingerprint = (await chair.page.getByTestId("fingerprint").textContent())!.trim();
  expect(fingerprint).toMatch(/^[0-9a-f]{64}$/);
  await expect(chair.page.getByText("Matches the stored version")).toBeVisible();

  await germany.page.reload();
  const v1 = germany.page.getByTestId("version-list").locator('tr[data-version="1"]');
  await expect(v1).toContainText(VERSION_TITLE);
  await expect(v1).toContainText(`${CHAIR.name} (`);
  await expect(v1.locator("td").nth(4)).toHaveText("17");
  await expect(v1.locator("code")).toHaveText(fingerprint.slice(0, 12));
  await expect(v1.locator("code")).toHaveAttribute("title", `SHA-256 fingerprint: ${fingerprint}`);

  // 5. Germany downloads v1 in every format from the export panel.
  await exportPanel(germany.page)
    .getByLabel("What to export")
    .selectOption({ label: `v1 — ${VERSION_TITLE}` });
  const files = {
    csv: await downloadExport(germany.page, "csv"),
    xlsx: await downloadExport(germany.page, "xlsx"),
    json: await downloadExport(germany.page, "json"),
    md: await downloadExport(germany.page, "md"),
    pdf: await downloadExport(germany.page, "pdf"),
  };
  for (const [extension, file] of Object.entries(files)) {
    expect(file.name).toMatch(new RegExp(`^${SLUG}-v1-\\d{4}-\\d{2}-\\d{2}\\.${extension}$`));
    expect(file.body.length).toBeGreaterThan(0);
  }

  // CSV: BOM, the export header, one record per threat, the fingerprint as the last record.
  expect(files.csv.body.subarray(0, 3)).toEqual(UTF8_BOM);
  const csv = csvLines(files.csv.body);
  // The marking comes first (MARK-5), then the header: metadata records start with #remit:.
  expect(csv[0]).toBe("#remit:marking,PUBLIC,,,,,,,,");
  expect(csv.find((line) => !line.startsWith("#remit:"))).toBe(CSV_HEADER.join(","));
  expect(csv).toContain(`#remit:fingerprint,sha256,${fingerprint},,,,,,,`);
  expect(csv.find((line) => line.startsWith("#remit:version,"))).toMatch(
    new RegExp(`^#remit:version,1,${VERSION_TITLE},`),
  );
  expect(csv.some((line) => line.startsWith("#remit:draft"))).toBe(false);
  expect(csv.filter((line) => line !== "" && !line.startsWith("#remit:"))).toHaveLength(1 + 17);

  // JSON: the snapshot with its fingerprint; as many rows as the list says; the agreed row and Germany's support.
  const json = JSON.parse(files.json.body.toString("utf8")) as {
    fingerprint: string;
    version: { number: number; title: string } | null;
    rows: { title: string; workflowState: string; positions: { delegation: string; position: string }[] }[];
  };
  expect(json.fingerprint).toBe(fingerprint);
  expect(json.version).toMatchObject({ number: 1, title: VERSION_TITLE });
  expect(json.rows).toHaveLength(17);
  expect(json.rows[0]).toMatchObject({
    title: agreedTitle,
    workflowState: "agreed",
    positions: [{ delegation: "DE", position: "support" }],
  });
  expect(json.rows.slice(15).map((r) => r.title)).toEqual(IMPORTED.map((r) => r.title));

  // XLSX and PDF: real files of their kind; the workbook's Metadata sheet has the fingerprint.
  expect(files.xlsx.body.subarray(0, 2).toString("latin1")).toBe("PK");
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(files.xlsx.body as unknown as ArrayBuffer);
  const metadata: string[] = [];
  workbook.getWorksheet("Metadata")?.eachRow((sheetRow) => metadata.push(String(sheetRow.values)));
  expect(metadata.join("\n")).toContain(fingerprint);
  expect(files.pdf.body.subarray(0, 4).toString("latin1")).toBe("%PDF");

  // Markdown ends with the fingerprint.
  expect(files.md.body.toString("utf8")).toContain(`SHA-256 fingerprint: \`${fingerprint}\``);

  // The live board: a DRAFT, named as such.
  await exportPanel(germany.page).getByLabel("What to export").selectOption("live");
  const draft = await downloadExport(germany.page, "csv");
  expect(draft.name).toMatch(new RegExp(`^${SLUG}-draft-\\d{4}-\\d{2}-\\d{2}\\.csv$`));
  expect(draft.body.subarray(0, 3)).toEqual(UTF8_BOM);
  const draftCsv = csvLines(draft.body);
  expect(draftCsv[0]).toBe("#remit:marking,PUBLIC,,,,,,,,");
  expect(draftCsv.find((line) => !line.startsWith("#remit:"))).toBe(CSV_HEADER.join(","));
  expect(draftCsv).toContain('#remit:draft,"DRAFT — live board, not an agreed version",,,,,,,,'); // quoted: it has a comma
  expect(draftCsv).toContain(`#remit:version,DRAFT,,,,,,,,`);
  expect(draftCsv.find((line) => line.startsWith("#remit:fingerprint,"))).not.toContain(fingerprint);

  // 6. Nothing changed yet; then the chair edits a responsibility and the diff v1 → live shows it.
  const diffJson = async () =>
    (
      (await (await germany.page.request.get(`/boards/${boardId}/diff.json?from=1&to=live`)).json()) as {
        changes: { kind: string }[];
      }
    ).changes;
  expect(await diffJson()).toEqual([]);
  await chair.page.goto(`/boards/${boardId}`);
  await waitForSynced(chair.page);
  const edited = row(chair.page, 1);
  const editedTitle = await titleInput(edited).inputValue();
  const before = (await edited.getAttribute("data-responsibility"))!;
  const after = before === "NATO" ? "EU" : "NATO";
  await setResponsibility(edited, after);
  await expect.poll(async () => (await diffJson()).map((change) => change.kind)).toContain("responsibility-changed");

  await germany.page.getByRole("link", { name: "Compare with the live board" }).first().click();
  await expect(germany.page).toHaveURL(new RegExp(`/boards/${boardId}/diff\\?from=1&to=live$`));
  await expect(germany.page.getByRole("heading", { level: 1 })).toContainText("Changes from v1 to live board");
  await expect(germany.page.getByTestId("change-count")).toHaveText(before === "Shared" ? "2 changes" : "1 change");
  await expect(germany.page.getByTestId("diff-table").locator('tr[data-status="changed"]')).toHaveCount(1);
  await expect(germany.page.getByTestId("change-list")).toContainText(
    `“${editedTitle}”: responsibility ${before} → ${after}`,
  );

  for (const person of [chair, germany]) await person.context.close();
});
