/**
 * "hybrid-threats-record-3-2026-11-28.docx": ASCII only (safe in a
 * Content-Disposition header), names the board, the meeting and its day (UTC).
 */
import type { MeetingRecordView } from "../../core/record-contract";
import { fileNameSlug } from "../export/file-name";

export function recordFileName(
  record: Pick<MeetingRecordView, "boardTitle" | "number" | "openedAt">,
  extension: string,
) {
  const slug = fileNameSlug(record.boardTitle);
  return `${slug}-record-${record.number}-${record.openedAt.slice(0, 10)}.${extension}`;
}
