import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

/**
 * Every rule id a test names is stated in a spec, and every stated rule has a
 * test (docs/spec/README.md). A rule is a spec table row whose first cell is
 * its id; a test carries the id at the start of its name (several ids, space-separated, when it checks several).
 * A rule is stated once: one row in one file of docs/ (or the README) whose first cell is that one id; other
 * places refer to it in prose.
 */
// Families may hold digits (I18N, A11Y).
const ID = /[A-Z][A-Z0-9]*(?:-[A-Z][A-Z0-9]*)*-\d+[a-z]?/;
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

/** Table rows whose first cell starts with an id, as `file:line` and that cell. */
function ruleRows(file: string, text: string): { at: string; cell: string; id: string }[] {
  return text.split("\n").flatMap((line, index) => {
    const cell = /^\|([^|]*)\|/.exec(line)?.[1].trim() ?? "";
    const id = new RegExp(`^${ID.source}`).exec(cell)?.[0];
    return id ? [{ at: `${file}:${index + 1}`, cell, id }] : [];
  });
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
    expect(specRuleIds("| I18N-12 | French |\n| A11Y-3 | focus |")).toEqual(["I18N-12", "A11Y-3"]);
    expect(ruleRows("a.md", "| id | rule |\n| COLLAB-8/9/10 | x |\nsee VERSION-7")).toEqual([
      { at: "a.md:2", cell: "COLLAB-8/9/10", id: "COLLAB-8" },
    ]);
  });

  it("every rule id named by a test is stated in a spec", () => {
    expect([...tested].filter((id) => !specified.has(id)).sort()).toEqual([]);
  });

  it("every stated rule has a test", () => {
    expect([...specified].filter((id) => !tested.has(id)).sort()).toEqual([]);
  });

  it("each rule is stated once: one row, in one file of docs/ or the README, whose first cell is that one id", () => {
    const rows = ["README.md", ...listFiles("docs", /\.md$/)].flatMap((file) =>
      ruleRows(file, readFileSync(file, "utf8")),
    );
    expect(rows.filter((row) => row.cell !== row.id).map((row) => `${row.at} ${row.cell}`)).toEqual([]);
    const places = new Map<string, string[]>();
    for (const row of rows) places.set(row.id, [...(places.get(row.id) ?? []), row.at]);
    expect([...places].filter(([, at]) => at.length > 1).map(([id, at]) => `${id}: ${at.join(", ")}`)).toEqual([]);
  });
});
