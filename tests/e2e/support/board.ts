/** Locators and actions on an open board. */
import { expect, type Locator, type Page } from "@playwright/test";

export const rows = (page: Page): Locator => page.getByTestId("threat-row");
export const row = (page: Page, index: number): Locator => rows(page).nth(index);
export const titleInput = (rowLocator: Locator): Locator => rowLocator.locator('input[data-field="title"]');

/** Picks NATO / EU / Shared / Unassigned in a row's segmented control. */
export async function setResponsibility(
  rowLocator: Locator,
  value: "NATO" | "EU" | "Shared" | "Unassigned",
): Promise<void> {
  await rowLocator.locator(`label.resp-option-${value}`).click();
  await expect(rowLocator).toHaveAttribute("data-responsibility", value);
}

/** Types at the end of a row's title. */
export async function appendToTitle(rowLocator: Locator, text: string): Promise<void> {
  const input = titleInput(rowLocator);
  await input.click();
  await input.press("End");
  await input.pressSequentially(text);
}

export async function summaryCounts(page: Page): Promise<Record<string, string>> {
  const counts: Record<string, string> = {};
  for (const key of ["NATO", "EU", "Shared", "Unassigned", "total"]) {
    counts[key] = (await page.getByTestId(`summary-${key}`).textContent()) ?? "";
  }
  return counts;
}

/** The avatar of another person, found by their accessible label "Name (Delegation)". */
export const avatarOf = (page: Page, name: string, delegation: string): Locator =>
  page.locator(`[data-testid="presence-avatar"][aria-label="${name} (${delegation})"]`);
