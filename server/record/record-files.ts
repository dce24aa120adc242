/**
 * One entry point for the file worker: a record in a named format. Runs in
 * the worker pool (server/files/file-worker.ts), never on the event loop.
 */
import type { Locale } from "../../core/locale";
import type { MeetingRecordView, RecordExportFormat } from "../../core/record-contract";
import { renderRecordDocx } from "./record-docx";
import { renderRecordMarkdown } from "./record-markdown";
import { renderRecordPdf } from "./record-pdf";

interface RecordFile {
  body: Buffer;
  contentType: string;
  extension: RecordExportFormat;
}

export async function renderRecordFile(
  format: RecordExportFormat,
  record: MeetingRecordView,
  locale: Locale,
): Promise<RecordFile> {
  switch (format) {
    case "md":
      return {
        body: Buffer.from(renderRecordMarkdown(record, locale), "utf8"),
        contentType: "text/markdown; charset=utf-8",
        extension: "md",
      };
    case "pdf":
      return { body: await renderRecordPdf(record, locale), contentType: "application/pdf", extension: "pdf" };
    case "docx":
      return {
        body: await renderRecordDocx(record, locale),
        contentType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        extension: "docx",
      };
  }
}
