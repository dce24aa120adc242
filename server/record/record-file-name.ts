/**
 * "hybrid-threats-record-3-2026-11-28.docx" ("…-compte-rendu-3-…" in French): ASCII only (safe in a
 * Content-Disposition header), names the board, the meeting and its day (UTC).
 */
import type { Locale } from "../../core/locale";
import type { MeetingRecordView } from "../../core/record-contract";
import { fileNameSlug } from "../export/file-name";
import { recordWords } from "./record-words";

export function recordFileName(
  record: Pick<MeetingRecordView, "boardTitle" | "number" | "openedAt">,
  extension: string,
  locale?: Locale,
) {
  const slug = fileNameSlug(record.boardTitle);
  return `${slug}-${recordWords(locale).fileRecord}-${record.number}-${record.openedAt.slice(0, 10)}.${extension}`;
}
