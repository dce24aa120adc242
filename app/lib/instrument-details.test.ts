import { describe, expect, it } from "vitest";
import { instrumentDetails } from "./instrument-details";

const article5 = { owner: "NATO", kind: "Treaty article", year: 1949, reference: "Art. 5", custom: false } as const;

describe("instrumentDetails", () => {
  it("lists owner, kind, year and reference", () => {
    expect(instrumentDetails(article5)).toBe("NATO · Treaty article · 1949 · Art. 5");
  });

  it("leaves out what is not set, without doubled separators", () => {
    expect(instrumentDetails({ ...article5, year: null })).toBe("NATO · Treaty article · Art. 5");
    expect(instrumentDetails({ ...article5, year: null, reference: "" })).toBe("NATO · Treaty article");
  });

  it("marks custom instruments and can leave the owner out (shown next to it)", () => {
    expect(instrumentDetails({ ...article5, owner: "EU", custom: true }, { owner: false })).toBe(
      "Treaty article · 1949 · Art. 5 · custom",
    );
  });
});
