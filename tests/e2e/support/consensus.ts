/** The row panel's consensus controls, shared by the consensus specs. */
import { expect, type Locator, type Page } from "@playwright/test";
import { row } from "./board";

export const panel = (page: Page): Locator => page.getByTestId("row-panel");

/** Opens the first row's panel on its status (positions, workflow) or comments section. */
export async function openRowPanel(page: Page, section: "status" | "comments" = "status"): Promise<Locator> {
  await row(page, 0)
    .getByTestId(section === "status" ? "row-status-button" : "row-comments-button")
    .click();
  await expect(panel(page)).toBeVisible();
  return panel(page);
}

/** Records a position in the open panel and waits for the confirmation. */
export async function recordPosition(page: Page, position: string, text?: { label: string; value: string }) {
  const form = panel(page).getByTestId("position-form");
  await form.getByRole("radio", { name: position, exact: true }).check();
  if (text) await form.getByLabel(text.label).fill(text.value);
  await form.getByRole("button", { name: /^Record position/ }).click();
  await expect(form.getByRole("status")).toHaveText("Position recorded.");
}

/** A delegation's entry in the open panel's position list. */
export const positionOf = (page: Page, code: string): Locator =>
  panel(page).locator(`[data-testid="position-entry"][data-delegation="${code}"]`);
