import { describe, expect, it } from "vitest";
import { MatrixSnapshotSchema } from "../../core/matrix-snapshot";
import { importJson } from "../import/json";
import { fingerprintSnapshot } from "./fingerprint";
import { exportJson } from "./json";
import { LIBRARY_CONTEXT, rowInputOf, sampleSnapshot, trickySnapshot } from "../../tests/fixtures/sample-snapshot";

describe("JSON export", () => {
  it("is the pretty snapshot plus its fingerprint", () => {
    const snapshot = sampleSnapshot({ rows: 5 });
    const file = exportJson(snapshot);
    const text = file.body.toString("utf8");
    expect(text).toContain('\n  "format": "remit-matrix",');
    const document = JSON.parse(text);
    expect(document.fingerprint).toBe(fingerprintSnapshot(snapshot));
    expect(MatrixSnapshotSchema.parse(document)).toEqual(snapshot);
  });

  it("imports back to the same rows and reports the custom instruments", () => {
    const snapshot = trickySnapshot();
    const result = importJson(exportJson(snapshot).body, LIBRARY_CONTEXT);
    expect(result).toMatchObject({ format: "json", valid: true, errors: [], warnings: [] });
    expect(result.rows.map((r) => r.value)).toEqual(snapshot.rows.map(rowInputOf));
    expect(result.instruments).toEqual([
      {
        id: "custom-pl-1",
        name: "Krajowy plan; Łódź",
        owner: "National",
        kind: "plan",
        year: null,
        reference: "PL/2025",
      },
    ]);
  });

  it("warns when the content no longer matches the fingerprint", () => {
    const document = JSON.parse(exportJson(sampleSnapshot({ rows: 2 })).body.toString("utf8"));
    document.rows[0].title = "Edited after export";
    const result = importJson(JSON.stringify(document), LIBRARY_CONTEXT);
    expect(result.valid).toBe(true);
    expect(result.warnings).toEqual(["importErrors.fingerprintMismatch"]);
  });
});
