import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { readRows } from "../../core/board-doc";
import { buildInitialBoardState } from "../starter-board";
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

describe("French titles", () => {
  const catalogue = loadCatalogue();

  it("I18N-5 an instrument's official French title names the French text it comes from", () => {
    const french = catalogue.instruments.filter((i) => i.nameFr);
    expect(french.map((i) => i.id)).toEqual(expect.arrayContaining(["eu-5g-toolbox", "eu-democracy-action-plan"]));
    expect(catalogue.instruments.find((i) => i.id === "eu-democracy-action-plan")?.nameFr).toBe(
      "Plan d'action pour la démocratie européenne",
    );
    expect(catalogue.instruments.find((i) => i.id === "nato-article-5")?.nameFr).toMatch(
      /^Traité de l'Atlantique Nord, article 5/,
    );
    for (const instrument of french)
      expect(instrument.nameFrSource, instrument.id).toMatch(/^https:\/\/.+(\/fr\/|FR|-fr)/);
  });

  it("I18N-5 a starter board made in French has the threats' French titles and descriptions", () => {
    expect(catalogue.threats.every((threat) => threat.titleFr && threat.summaryFr)).toBe(true);
    const doc = new Y.Doc();
    Y.applyUpdate(doc, buildInitialBoardState("starter", catalogue.threats, "fr"));
    const rows = readRows(doc);
    expect(rows.map((row) => row.title)).toEqual(catalogue.threats.map((threat) => threat.titleFr));
    expect(rows.map((row) => row.description)).toEqual(catalogue.threats.map((threat) => threat.summaryFr));
  });
});
