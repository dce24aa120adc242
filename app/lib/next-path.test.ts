import { describe, expect, it } from "vitest";
import { NextPathSchema, pathOf, safeNextPath, withNext } from "./next-path";

describe("next path", () => {
  it("accepts same-site paths with a query", () => {
    expect(safeNextPath("/boards/abc")).toBe("/boards/abc");
    expect(safeNextPath("/invite/tok_en-1?x=1")).toBe("/invite/tok_en-1?x=1");
    expect(NextPathSchema.safeParse("/").success).toBe(true);
  });

  it.each([
    "//evil.example",
    "///evil.example",
    "/\\evil.example",
    "\\\\evil.example",
    "https://evil.example",
    "javascript:alert(1)",
    "boards/abc",
    "/a b",
    "/tab\there",
    "/new\nline",
    "/null\u0000byte",
    "/del\u007f",
    "",
  ])("rejects %j and falls back", (value) => {
    expect(safeNextPath(value)).toBe("/");
    expect(safeNextPath(value, "")).toBe("");
  });

  it("rejects non-strings and overlong paths", () => {
    expect(safeNextPath(null)).toBe("/");
    expect(safeNextPath(["/a"])).toBe("/");
    expect(safeNextPath(`/${"a".repeat(500)}`)).toBe("/");
  });

  it("builds login and signup links, omitting a next of the home page", () => {
    expect(withNext("/login", "/boards/abc?x=1")).toBe("/login?next=%2Fboards%2Fabc%3Fx%3D1");
    expect(withNext("/signup", "/")).toBe("/signup");
    expect(withNext("/login", "//evil.example")).toBe("/login");
    expect(withNext("/login", undefined)).toBe("/login");
    expect(pathOf(new URL("http://x/boards/a?b=1"))).toBe("/boards/a?b=1");
  });
});
