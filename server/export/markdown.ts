/**
 * Markdown export (GitHub-flavoured: tables and [^n] footnotes) for pasting
 * into wikis and mail. All board text is escaped so a title like
 * "<img src=x>" or "[link](…)" prints as typed instead of becoming markup.
 */
import { forumLines } from "./forum-lines";
import { responsibilityText, titleText } from "../../core/bracket-text";
import { countResponsibilities, RESPONSIBILITIES } from "../../core/board-doc";
import type { MatrixSnapshot } from "../../core/matrix-snapshot";
import { prepareExport, type ExportFile, type Footnote, type PreparedExport } from "./prepare";
import type { Locale } from "../../core/locale";
import { bidiNotice, formatUtc, positionsSummary, procedureLine, publishedLine, versionLine } from "./present";

/** Backslash-escapes Markdown punctuation; newlines become <br> in cells or spaces elsewhere. */
export function escapeMarkdown(text: string, newline: "<br>" | " " = " "): string {
  return (
    text
      .replace(/[\\`*_[\]<>|~]/g, (ch) => "\\" + ch)
      // Leading spaces of each line survive as &nbsp; (a renderer trims plain ones: HARDEN-50).
      .replace(/^ +/gm, (spaces) => "&nbsp;".repeat(spaces.length))
      .replace(/\r\n|\r|\n/g, newline)
  );
}

const cell = (text: string) => escapeMarkdown(text, "<br>");

function titleBlock(prepared: PreparedExport): string[] {
  const { snapshot, isDraft, labels } = prepared;
  // The marking opens the file (MARK-5) and closes it (renderMarkdown).
  const lines = [`**${escapeMarkdown(prepared.marking)}**`, "", `# ${escapeMarkdown(snapshot.board.title)}`, ""];
  if (isDraft) lines.push(`> **${labels.draftNotice}.**`, "");
  else {
    lines.push(
      `**${escapeMarkdown(versionLine(snapshot, labels))}**  `,
      `${escapeMarkdown(publishedLine(snapshot, labels))}  `,
      `${escapeMarkdown(procedureLine(snapshot, labels))}  `,
    );
  }
  const forum = forumLines(snapshot, labels.locale);
  if (forum)
    lines.push(
      `${forum.forumLabel}${labels.colon}${escapeMarkdown(forum.forum)}  `,
      `${forum.membershipLabel}${labels.colon}${escapeMarkdown(forum.membership)}  `,
    );
  lines.push(
    `${labels.delegationsPresent}${labels.colon}${escapeMarkdown(snapshot.delegationsPresent.join(", ") || "—")}  `,
    labels.languageLine,
    "",
  );
  const bidi = bidiNotice(prepared);
  if (bidi) lines.push(`> **${escapeMarkdown(bidi)}**`, "");
  return lines;
}

function distribution({ snapshot, labels }: PreparedExport): string[] {
  const counts = countResponsibilities(snapshot.rows);
  return [
    `## ${labels.distribution}`,
    "",
    `| ${RESPONSIBILITIES.join(" | ")} |`,
    `|${RESPONSIBILITIES.map(() => "---:").join("|")}|`,
    `| ${RESPONSIBILITIES.map((r) => counts[r]).join(" | ")} |`,
    "",
  ];
}

function matrix(prepared: PreparedExport): string[] {
  const { table } = prepared.labels;
  const header = `| ${[
    table.number,
    table.threat,
    table.category,
    table.responsibility,
    table.lead,
    table.instruments,
    table.state,
    table.positions,
    table.notes,
  ].join(" | ")} |`;
  const rows = prepared.snapshot.rows.map((row, index) => {
    const refs = (prepared.footnotesByRow.get(row.id) ?? []).map((note) => ` [^${note.number}]`).join("");
    const threat = `**${cell(titleText(row))}**` + (row.description ? `<br>${cell(row.description)}` : "");
    const cells = [
      String(index + 1),
      threat,
      prepared.labels.categories[row.category],
      cell(responsibilityText(row)),
      row.lead ?? "",
      cell(row.instrumentIds.map((id) => prepared.instrumentsById.get(id)?.name ?? id).join("; ")),
      row.workflowState,
      cell(positionsSummary(row, prepared.labels)) + refs,
      cell(row.notes),
    ];
    return `| ${cells.join(" | ")} |`;
  });
  return [`## ${prepared.labels.matrix}`, "", header, "|---:|---|---|---|---|---|---|---|---|", ...rows, ""];
}

function footnote(note: Footnote, labels: PreparedExport["labels"]): string {
  const p = note.position;
  const who = `${p.delegation}${p.delegationName ? ` (${p.delegationName})` : ""}`;
  return `[^${note.number}]: ${escapeMarkdown(
    labels.footnote(
      who,
      labels.positions[p.position],
      note.rowIndex + 1,
      p.text ?? "",
      p.recordedBy,
      formatUtc(p.recordedAt),
    ),
  )}`;
}

export function renderMarkdown(snapshot: MatrixSnapshot, locale: Locale = "en"): { text: string; fingerprint: string } {
  const prepared = prepareExport(snapshot, { locale });
  const lines = [
    ...titleBlock(prepared),
    ...distribution(prepared),
    ...matrix(prepared),
    ...(prepared.footnotes.length ? [...prepared.footnotes.map((note) => footnote(note, prepared.labels)), ""] : []),
    "---",
    "",
    `${prepared.labels.fingerprint}${prepared.labels.colon}\`${prepared.fingerprint}\``,
    "",
    `**${escapeMarkdown(prepared.marking)}**`,
    "",
  ];
  return { text: lines.join("\n"), fingerprint: prepared.fingerprint };
}

export function exportMarkdown(snapshot: MatrixSnapshot, locale: Locale = "en"): ExportFile {
  const { text, fingerprint } = renderMarkdown(snapshot, locale);
  return { body: Buffer.from(text, "utf8"), contentType: "text/markdown; charset=utf-8", extension: "md", fingerprint };
}
