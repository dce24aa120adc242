import { describe, expect, it } from "vitest";
import { fingerprintSnapshot } from "./fingerprint";
import { sampleSnapshot } from "../../tests/fixtures/sample-snapshot";

describe("fingerprint", () => {
  it("is a SHA-256 hex that ignores key order and extra members but not content", () => {
    const snapshot = sampleSnapshot({ rows: 3 });
    const fingerprint = fingerprintSnapshot(snapshot);
    expect(fingerprint).toMatch(/^[0-9a-f]{64}$/);
    const reordered = Object.fromEntries(Object.entries(snapshot).reverse());
    expect(fingerprintSnapshot(reordered)).toBe(fingerprint);
    expect(fingerprintSnapshot({ ...snapshot, fingerprint: "x" })).toBe(fingerprint);
    const edited = { ...snapshot, rows: [{ ...snapshot.rows[0], notes: "changed" }, ...snapshot.rows.slice(1)] };
    expect(fingerprintSnapshot(edited)).not.toBe(fingerprint);
  });
});
