/**
 * Helpers for the versions / export / import spec: building an import file in
 * the CSV export's own layout, and catching the export panel's downloads.
 */
import { readFile } from "node:fs/promises";
import { expect, type Locator, type Page } from "@playwright/test";

/** The CSV export's header (docs/export-formats.md, "CSV"); the spec checks the app still writes exactly this. */
export const CSV_HEADER = [
  "Title",
  "Category",
  "Responsibility",
  "Lead",
  "Instruments",
  "Notes",
  "Description",
  "Workflow state",
  "Positions summary",
  "Reservations",
] as const;

export const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);

export type CsvRecord = Partial<Record<(typeof CSV_HEADER)[number], string>>;

/** RFC 4180 like the export: quoted only when needed, CRLF, UTF-8 with BOM. */
export function csvFile(records: CsvRecord[]): Buffer {
  const field = (value: string) => (/[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);
  const lines = [
    CSV_HEADER.join(","),
    ...records.map((record) => CSV_HEADER.map((column) => field(record[column] ?? "")).join(",")),
  ];
  return Buffer.concat([UTF8_BOM, Buffer.from(lines.join("\r\n") + "\r\n", "utf8")]);
}

export const EXPORT_LABELS = { csv: "CSV", xlsx: "Excel", json: "JSON", md: "Markdown", pdf: "PDF" } as const;
export type ExportFormat = keyof typeof EXPORT_LABELS;

export const exportPanel = (page: Page): Locator => page.locator("section.export-panel");

export interface Downloaded {
  name: string;
  body: Buffer;
}

/** Clicks a format in the export panel, waits for the browser's download and reads the file. */
export async function downloadExport(page: Page, format: ExportFormat): Promise<Downloaded> {
  const panel = exportPanel(page);
  const label = EXPORT_LABELS[format];
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    panel.getByRole("link", { name: `Download ${label}` }).click(),
  ]);
  const name = download.suggestedFilename();
  await expect(panel.getByTestId("export-status")).toHaveText(`${label} ready: ${name}`);
  expect(await download.failure()).toBeNull();
  const body = await readFile((await download.path())!);
  return { name, body };
}

/** A downloaded CSV as text records (no quoted line breaks in this spec's data), BOM removed. */
export function csvLines(body: Buffer): string[] {
  return body.subarray(UTF8_BOM.length).toString("utf8").split("\r\n");
}
