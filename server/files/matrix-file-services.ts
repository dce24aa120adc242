/**
 * MatrixFileServices: exports and imports as the routes see them. The one
 * place that turns a snapshot into a downloadable file and an upload into
 * import rows — always in the worker pool (file-pool.ts), never on the event
 * loop. A job over its budget is refused: exports throw FileJobRefused (the
 * route answers 503), imports come back refused with the limit named (422).
 */
import { isFileJobRefusal } from "../../core/file-jobs";
import type { MatrixFileServices } from "../../core/services";
// Not export/index or import/index: those load exceljs and pdfkit, which only the workers need (PERF-34).
import { exportFileName } from "../export/file-name";
import { detectImportFormat } from "../import/detect-format";
import { importLimit, limitMessage } from "../import/limits";
import { finishImport, type ImportResult } from "../import/types";
import { createFilePool, type FilePoolOptions } from "./file-pool";
import type { ExportTaskResult, RecordTaskResult } from "./file-worker";
import type { RenderRecord } from "../record/record-service";

const DEFAULT_FILE_POOL: FilePoolOptions = { timeoutMs: 120_000, memoryMb: 512 };

type ClosableMatrixFileServices = MatrixFileServices & {
  /** A meeting record as a file, in the same pool (server/record/). */
  renderRecord: RenderRecord;
  close(): Promise<void>;
};

export function createMatrixFileServices(options: Partial<FilePoolOptions> = {}): ClosableMatrixFileServices {
  const settings = { ...DEFAULT_FILE_POOL, ...options };
  const pool = createFilePool(settings);
  return {
    async exportMatrix(format, snapshot, date, locale) {
      const file = await pool.run<ExportTaskResult>({
        kind: "export",
        format,
        snapshot,
        locale,
        now: new Date().toISOString(),
      });
      const body = Buffer.from(file.body.buffer, file.body.byteOffset, file.body.byteLength);
      return { ...file, body, fileName: exportFileName(snapshot, file.extension, date, locale) };
    },
    async readImportFile(data, context) {
      // A copy the worker may own: the caller keeps its bytes.
      const copy = new Uint8Array(data);
      try {
        return await pool.run<ImportResult>(
          { kind: "import", data: copy, context },
          { transfer: [copy.buffer as ArrayBuffer] },
        );
      } catch (error) {
        if (!isFileJobRefusal(error) || error.limit === "busy") throw error;
        const limit = importLimit(
          error.limit,
          error.limit === "time" ? settings.timeoutMs : settings.memoryMb * 2 ** 20,
        );
        const format = detectImportFormat(Buffer.from(data.buffer, data.byteOffset, data.byteLength));
        return {
          ...finishImport(format, { errors: [{ row: 0, column: "(file)", message: limitMessage(limit) }] }),
          limit,
        };
      }
    },
    async renderRecord(format, record, locale) {
      const file = await pool.run<RecordTaskResult>({ kind: "record", format, record, locale });
      return { ...file, body: Buffer.from(file.body.buffer, file.body.byteOffset, file.body.byteLength) };
    },
    close: () => pool.close(),
  };
}
