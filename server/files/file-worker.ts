/**
 * The worker side of the file pool (file-pool.ts): parses imports and renders
 * exports in a worker thread, so the event loop that serves every socket and
 * request never runs exceljs, pdfkit, csv-parse or zod over a whole file.
 * Runs under the worker's resourceLimits; the pool kills it when over time.
 */
import type { ImportContext, ImportResult } from "../import/types";
import type { ExportFormat } from "../../core/version-contract";
import type { Locale } from "../../core/locale";
import type { MatrixSnapshot } from "../../core/matrix-snapshot";
import { exportMatrix } from "../export/index";
import { importMatrixFile } from "../import/index";
import type { MeetingRecordView, RecordExportFormat } from "../../core/record-contract";
import { renderRecordFile } from "../record/record-files";

export type FileTask =
  | { kind: "export"; format: ExportFormat; snapshot: MatrixSnapshot; now: string; locale?: Locale }
  | { kind: "import"; data: Uint8Array; context: ImportContext }
  | { kind: "record"; format: RecordExportFormat; record: MeetingRecordView; locale: Locale };

export interface ExportTaskResult {
  body: Uint8Array;
  contentType: string;
  extension: string;
  fingerprint: string;
}

export type RecordTaskResult = Omit<ExportTaskResult, "fingerprint">;

export default async function runFileTask(task: FileTask): Promise<ExportTaskResult | ImportResult | RecordTaskResult> {
  if (task.kind === "record") {
    const file = await renderRecordFile(task.format, task.record, task.locale);
    return { ...file, body: new Uint8Array(file.body.buffer, file.body.byteOffset, file.body.byteLength) };
  }
  if (task.kind === "import") {
    return importMatrixFile(Buffer.from(task.data.buffer, task.data.byteOffset, task.data.byteLength), task.context);
  }
  const file = await exportMatrix(task.format, task.snapshot, { now: new Date(task.now), locale: task.locale });
  return { ...file, body: new Uint8Array(file.body.buffer, file.body.byteOffset, file.body.byteLength) };
}
