import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

/**
 * Every rule id a test names is stated in a spec, and every stated rule has a
 * test (docs/spec/README.md). A rule is a spec table row whose first cell is
 * its id; a test carries the id at the start of its name (several ids, space-separated, when it checks several).
 */
const ID = /[A-Z]+(?:-[A-Z]+)*-\d+[a-z]?/;
const SPEC_FILES = ["docs/collab-spec.md", "docs/attack-suite.md", ...listFiles("docs/spec", /\.md$/)];
const TEST_ROOTS = ["app", "core", "server", "tests"];

function listFiles(dir: string, pattern: RegExp): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (name === "node_modules") return [];
    return statSync(path).isDirectory() ? listFiles(path, pattern) : pattern.test(name) ? [path] : [];
  });
}

function specRuleIds(text: string): string[] {
  const rows = text.split("\n").map((line) => new RegExp(`^\\|\\s*(${ID.source})`).exec(line)?.[1]);
  return rows.filter((id): id is string => Boolean(id));
}

function testRuleIds(source: string): string[] {
  const names = new RegExp(
    `\\b(?:it|test|describe)(?:\\.\\w+)*\\(\\s*["'\`]((?:${ID.source})(?:\\s+${ID.source})*)\\b`,
    "g",
  );
  return [...source.matchAll(names)].flatMap((match) => match[1].split(/\s+/));
}

const specified = new Set(SPEC_FILES.flatMap((file) => specRuleIds(readFileSync(file, "utf8"))));
// Shared suites (the storage contract run on each database) are defined in tests/support and named there.
const TEST_FILES = [
  ...TEST_ROOTS.flatMap((root) => listFiles(root, /\.(test|spec)\.tsx?$/)),
  ...listFiles("tests/support", /\.ts$/),
];
const tested = new Set(TEST_FILES.flatMap((file) => testRuleIds(readFileSync(file, "utf8"))));

describe("rule ids: spec and tests agree", () => {
  it("reads ids from spec tables and test names", () => {
    expect(specRuleIds("| id | rule |\n| COLLAB-3 | saved |\n| HARDEN-12a | x |\nsee COLLAB-4")).toEqual([
      "COLLAB-3",
      "HARDEN-12a",
    ]);
    expect(testRuleIds(`it("AUTH-2 signs in", f); it.each(x)("ACCESS-1 joins"); it("uses SHA-256")`)).toEqual([
      "AUTH-2",
    ]);
    expect(testRuleIds(`it("COLLAB-26 COLLAB-41 crash, then HARDEN-3 later", f)`)).toEqual(["COLLAB-26", "COLLAB-41"]);
  });

  it("every rule id named by a test is stated in a spec", () => {
    expect([...tested].filter((id) => !specified.has(id)).sort()).toEqual([]);
  });

  it("every stated rule has a test", () => {
    expect([...specified].filter((id) => !tested.has(id)).sort()).toEqual([]);
  });
});
