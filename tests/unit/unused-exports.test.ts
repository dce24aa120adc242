/**
 * No export that only its own file uses: scripts/unused-exports.ts lists the exports of core/, app/ and server/
 * that no other file imports (tests count as importers); each one is dead API, or dead code. A name that must stay
 * exported anyway goes on the allow-list below with its reason.
 */
import { describe, expect, it } from "vitest";
import { findLocalOnlyExports } from "../../scripts/unused-exports";

/** `file: name` → why it stays exported. */
const ALLOWED: Record<string, string> = {};

describe("exports", () => {
  const found = findLocalOnlyExports().map(({ file, name }) => `${file}: ${name}`);

  it("every export of core/, app/ and server/ is imported by another file, or allowed with a reason", () => {
    expect(found.filter((entry) => !(entry in ALLOWED))).toEqual([]);
  });

  it("the allow-list names only exports that are still local-only", () => {
    expect(Object.keys(ALLOWED).filter((entry) => !found.includes(entry))).toEqual([]);
  });
});
