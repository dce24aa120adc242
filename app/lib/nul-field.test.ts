import { describe, expect, it } from "vitest";
import { findNul, nulFormField } from "./nul-field";

describe("findNul", () => {
  it("names the first string holding U+0000, deep inside arrays and objects", () => {
    expect(findNul("plain")).toBeNull();
    expect(findNul("a\u0000b")).toBe("");
    expect(findNul([{ name: "ok" }, { name: "bad\u0000", kind: "x" }])).toBe("1.name");
    expect(findNul({ year: 2020, tags: ["x", "\u0000"] })).toBe("tags.1");
    expect(findNul({ year: null, flag: true })).toBeNull();
  });

  it("names the form field holding U+0000, file names included", () => {
    const form = new FormData();
    form.set("intent", "preview");
    expect(nulFormField(form)).toBeNull();
    form.set("file", new File(["x"], "a\u0000.csv"));
    expect(nulFormField(form)).toBe("file");
  });
});
