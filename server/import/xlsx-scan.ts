/**
 * The XLSX limits, checked before exceljs reads anything: the zip is inflated
 * here within MAX_XLSX_UNPACKED_BYTES counted as inflated (zip-reader.ts),
 * then rows and cells are counted in the worksheet XML by byte search (no XML
 * parsing, linear), and the longest text run is measured. exceljs builds an
 * object per cell, so a sheet of 700,000 rows must be refused before it.
 */
import { inflateAll } from "./zip-reader";
import type { MessageRef } from "../../core/message-ref";
import {
  MAX_EXTRA_RECORDS,
  MAX_FIELD_CHARS,
  MAX_IMPORT_CELLS,
  MAX_IMPORT_ROWS,
  MAX_WORKBOOK_CELLS,
  MAX_XLSX_UNPACKED_BYTES,
} from "./limits";
import { refuseImport, type ImportResult } from "./types";

export const MAX_SHEET_ROWS = MAX_IMPORT_ROWS + MAX_EXTRA_RECORDS;

/** Occurrences of `<tag ` or `<tag>` (so "<row" does not count "<rowBreaks"). */
function countTags(xml: Buffer, tag: string): number {
  const needle = Buffer.from(`<${tag}`);
  let count = 0;
  for (let at = xml.indexOf(needle); at >= 0; at = xml.indexOf(needle, at + needle.length)) {
    const next = xml[at + needle.length];
    if (next === 0x20 || next === 0x3e || next === 0x09 || next === 0x0a || next === 0x0d || next === 0x2f) count++;
  }
  return count;
}

/** Longest <t>…</t> text in bytes (UTF-8 bytes ≥ characters, so this never under-counts). */
function longestText(xml: Buffer): number {
  const close = Buffer.from("</t>");
  let longest = 0;
  let from = 0;
  for (let end = xml.indexOf(close); end >= 0; end = xml.indexOf(close, from)) {
    const open = xml.lastIndexOf("<t", end);
    const start = open >= 0 ? xml.indexOf(">", open) + 1 : from;
    longest = Math.max(longest, end - Math.max(start, from));
    from = end + close.length;
  }
  return longest;
}

const attribute = (tag: string, name: string) => new RegExp(`\\b${name}="([^"]*)"`).exec(tag)?.[1];

/** Zip path of the sheet the importer reads: "Matrix", else the first sheet. */
function matrixSheetPath(files: ReadonlyMap<string, Buffer>): string | undefined {
  const workbook = files.get("xl/workbook.xml")?.toString("utf8") ?? "";
  const rels = files.get("xl/_rels/workbook.xml.rels")?.toString("utf8") ?? "";
  const sheets = [...workbook.matchAll(/<sheet\b[^>]*>/g)].map((m) => m[0]);
  const chosen = sheets.find((tag) => attribute(tag, "name") === "Matrix") ?? sheets[0];
  const relId = chosen && /\br:id="([^"]*)"/.exec(chosen)?.[1];
  const rel = [...rels.matchAll(/<Relationship\b[^>]*>/g)]
    .map((m) => m[0])
    .find((tag) => attribute(tag, "Id") === relId);
  const target = rel && attribute(rel, "Target");
  if (!target) return undefined;
  return target.startsWith("/") ? target.slice(1) : `xl/${target.replace(/^\.\//, "")}`;
}

/** null when the workbook is within every limit; otherwise the refusal. */
export function scanWorkbook(zip: Buffer): ImportResult | { error: MessageRef } | null {
  const inflated = inflateAll(zip, MAX_XLSX_UNPACKED_BYTES);
  if ("overLimit" in inflated) return refuseImport("xlsx", "inflated-bytes", MAX_XLSX_UNPACKED_BYTES);
  if ("error" in inflated) return inflated;
  const matrix = matrixSheetPath(inflated.files);
  let workbookCells = 0;
  for (const [name, xml] of inflated.files) {
    const isSheet = name.startsWith("xl/worksheets/") && name.endsWith(".xml");
    if (!isSheet && name !== "xl/sharedStrings.xml") continue;
    if (longestText(xml) > MAX_FIELD_CHARS) return refuseImport("xlsx", "field-length", MAX_FIELD_CHARS);
    if (!isSheet) continue;
    const cells = countTags(xml, "c");
    workbookCells += cells;
    if (workbookCells > MAX_WORKBOOK_CELLS) return refuseImport("xlsx", "cells", MAX_WORKBOOK_CELLS);
    if (name !== matrix) continue;
    const rows = countTags(xml, "row");
    if (rows > MAX_SHEET_ROWS) return refuseImport("xlsx", "rows", MAX_SHEET_ROWS, rows);
    if (cells > MAX_IMPORT_CELLS) return refuseImport("xlsx", "cells", MAX_IMPORT_CELLS, cells);
  }
  return null;
}
