/**
 * The record as Markdown. Section text is the chair's: every line is escaped
 * (a line starting "#" stays text, "<img>" prints as typed), bullets the
 * generator wrote ("- …") stay a list, and each line keeps its own line.
 */
import type { Locale } from "../../core/locale";
import type { MeetingRecordView } from "../../core/record-contract";
import { escapeMarkdown } from "../export/markdown";
import { presentRecord } from "./record-present";

function line(text: string): string {
  const bullet = /^- /.test(text);
  const body = escapeMarkdown(bullet ? text.slice(2) : text).replace(/^([#+=-])/, "\\$1");
  return bullet ? `- ${body}` : `${body}  `;
}

export function renderRecordMarkdown(record: MeetingRecordView, locale: Locale): string {
  const presented = presentRecord(record, locale);
  // The marking opens and closes the file, as on every export.
  const out = [`**${escapeMarkdown(presented.marking)}**`, "", `# ${escapeMarkdown(presented.title)}`, ""];
  out.push(`> **${escapeMarkdown(presented.status)}**`, "");
  for (const fact of presented.facts) out.push(`${escapeMarkdown(fact)}  `);
  out.push("");
  for (const section of presented.sections) {
    out.push(`## ${escapeMarkdown(section.heading)}`, "");
    for (const text of section.lines) out.push(text.trim() === "" ? "" : line(text));
    out.push("");
  }
  if (presented.fingerprintLine) out.push("---", "", escapeMarkdown(presented.fingerprintLine), "");
  out.push(`**${escapeMarkdown(presented.marking)}**`, "");
  return out.join("\n");
}
