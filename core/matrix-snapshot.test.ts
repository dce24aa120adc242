import { describe, expect, it } from "vitest";
import { INSTRUMENT_OWNERS } from "./domain";
import { canonicalJson, MatrixSnapshotSchema, SNAPSHOT_INSTRUMENT_OWNERS } from "./matrix-snapshot";
import { sampleSnapshot } from "../tests/fixtures/sample-snapshot";

describe("matrix snapshot", () => {
  it("canonicalJson sorts keys at every depth and has no whitespace", () => {
    expect(canonicalJson({ b: 1, a: [{ d: "x y", c: null }], u: undefined })).toBe(
      '{"a":[{"c":null,"d":"x y"}],"b":1}',
    );
    expect(canonicalJson({ z: 1, a: 2 })).toBe(canonicalJson({ a: 2, z: 1 }));
  });

  it("keeps the instrument owners in step with load-context", () => {
    expect([...SNAPSHOT_INSTRUMENT_OWNERS]).toEqual([...INSTRUMENT_OWNERS]);
  });

  it("accepts a sample snapshot and refuses a lead without Shared", () => {
    const snapshot = sampleSnapshot({ rows: 4 });
    expect(MatrixSnapshotSchema.parse(snapshot)).toEqual(snapshot);
    const bad = { ...snapshot, rows: [{ ...snapshot.rows[0], responsibility: "NATO", lead: "EU" }] };
    expect(MatrixSnapshotSchema.safeParse(bad).success).toBe(false);
  });
});
