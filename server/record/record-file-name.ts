/**
 * "hybrid-threats-record-3-2026-11-28.docx": ASCII only (safe in a
 * Content-Disposition header), names the board, the meeting and its day (UTC).
 */
import type { MeetingRecordView } from "../../core/record-contract";

export function recordFileName(
  record: Pick<MeetingRecordView, "boardTitle" | "number" | "openedAt">,
  extension: string,
) {
  const slug =
    record.boardTitle
      .normalize("NFKD")
      .replace(/[\u0300-\u036f]/g, "")
      .replace(/[łŁ]/g, "l")
      .replace(/[øØ]/g, "o")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 60) || "board";
  return `${slug}-record-${record.number}-${record.openedAt.slice(0, 10)}.${extension}`;
}
