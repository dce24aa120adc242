/**
 * JSON export: the validated snapshot, pretty-printed, with its fingerprint
 * as one extra top-level member. Re-importable (server/import/json.ts); the
 * fingerprint is computed without that member, so anyone can recompute it:
 * drop "fingerprint", take canonical JSON, SHA-256.
 */
import type { MatrixSnapshot } from "../../core/matrix-snapshot";
import { prepareExport, type ExportFile } from "./prepare";

type MatrixJsonExport = MatrixSnapshot & { fingerprint: string };

function renderJson(snapshot: MatrixSnapshot): MatrixJsonExport {
  const prepared = prepareExport(snapshot, { keepControls: true });
  return { ...prepared.snapshot, fingerprint: prepared.fingerprint };
}

export function exportJson(snapshot: MatrixSnapshot): ExportFile {
  const document = renderJson(snapshot);
  return {
    body: Buffer.from(JSON.stringify(document, null, 2) + "\n", "utf8"),
    contentType: "application/json; charset=utf-8",
    extension: "json",
    fingerprint: document.fingerprint,
  };
}
