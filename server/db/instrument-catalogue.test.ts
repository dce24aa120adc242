import { describe, expect, it } from "vitest";
import { loadCatalogue } from "./instrument-catalogue";

describe("instrument catalogue", () => {
  it("loads the committed catalogue: 33 instruments, 15 threats", () => {
    const catalogue = loadCatalogue();
    expect(catalogue.instruments).toHaveLength(33);
    expect(catalogue.threats).toHaveLength(15);
  });

  it("rejects unknown instrument references and duplicate ids", () => {
    const { instruments, threats } = loadCatalogue();
    expect(() => loadCatalogue({ instruments, threats: [{ ...threats[0], suggestedInstruments: ["nope"] }] })).toThrow(
      /unknown instrument nope/,
    );
    expect(() => loadCatalogue({ instruments: [...instruments, instruments[0]], threats: [] })).toThrow(/duplicate id/);
    expect(() => loadCatalogue({ instruments: [{ ...instruments[0], owner: "UN" }], threats: [] })).toThrow();
  });
});
