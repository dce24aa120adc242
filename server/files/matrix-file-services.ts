/**
 * MatrixFileServices: exports and imports as the routes see them. The one
 * place that turns a snapshot into a downloadable file and an upload into
 * import rows.
 */
import type { MatrixFileServices } from "../../core/services";
import { exportFileName, exportMatrix } from "../export/index";
import { importMatrixFile } from "../import/index";

export function createMatrixFileServices(): MatrixFileServices {
  return {
    async exportMatrix(format, snapshot, date) {
      const file = await exportMatrix(format, snapshot);
      return { ...file, fileName: exportFileName(snapshot, file.extension, date) };
    },
    readImportFile(data, instruments) {
      return importMatrixFile(Buffer.from(data.buffer, data.byteOffset, data.byteLength), { instruments });
    },
  };
}
