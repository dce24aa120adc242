/**
 * The fingerprint printed on every export: SHA-256 (hex) of the snapshot's
 * canonical JSON. Two exports of the same agreed version, in any format,
 * show the same fingerprint, so a delegate can check that the PDF on the
 * table is the version that was agreed.
 */
import { createHash } from "node:crypto";
import { canonicalJson, MatrixSnapshotSchema, type MatrixSnapshot } from "../../core/matrix-snapshot";

/** Hex SHA-256 of canonicalJson(snapshot). The input is not re-validated: pass a parsed snapshot. */
export function fingerprintOf(snapshot: MatrixSnapshot): string {
  return createHash("sha256").update(canonicalJson(snapshot), "utf8").digest("hex");
}

/**
 * Validates first and fingerprints what the schema keeps, so extra members
 * (such as the `fingerprint` field of a JSON export) never change the result.
 */
export function fingerprintSnapshot(snapshot: unknown): string {
  return fingerprintOf(MatrixSnapshotSchema.parse(snapshot));
}
