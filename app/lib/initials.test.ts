import { describe, expect, it } from "vitest";
import { initialsOf, readableTextColor } from "./initials";

describe("initialsOf", () => {
  it("takes the first and last word", () => {
    expect(initialsOf("Anna Maria Kowalska")).toBe("AK");
    expect(initialsOf("  jean   dupont ")).toBe("JD");
  });
  it("handles single words, accents and empty names", () => {
    expect(initialsOf("Émile")).toBe("ÉM");
    expect(initialsOf("")).toBe("?");
  });
});

describe("readableTextColor", () => {
  it("picks white on dark and black on light colours", () => {
    expect(readableTextColor("#1f4e9c")).toBe("#ffffff");
    expect(readableTextColor("#bcbd22")).toBe("#000000");
    expect(readableTextColor("#ffffff")).toBe("#000000");
    expect(readableTextColor("nonsense")).toBe("#ffffff");
  });
});
