import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { readRows } from "../../core/board-doc";
import { buildInitialBoardState } from "../starter-board";
import { loadCatalogue, wordedAsPublished } from "./instrument-catalogue";

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
      expect(instrument.nameFrSource, instrument.id).toMatch(/^https:\/\/.+(\/fr\/|\/FR\/|_fr$|[=:]fr$)/);
  });

  it("I18N-18 each French title was checked against an official French page: recorded as published there", () => {
    const french = catalogue.instruments.filter((i) => i.nameFr);
    expect(french).toHaveLength(20);
    for (const { id, nameFr, nameFrSource, nameFrPublished, nameFrOf, reference } of french) {
      expect(reference, id).toContain(nameFrOf);
      // Official publishers only: the EU's institutions and bodies, NATO, a national government.
      expect(new URL(nameFrSource!).hostname, id).toMatch(
        /^(eur-lex\.europa\.eu|([a-z-]+\.)?ec\.europa\.eu|france\.representation\.ec\.europa\.eu|www\.eesc\.europa\.eu|www\.nato\.int|ccb\.belgium\.be)$/,
      );
      expect(wordedAsPublished(nameFr!, nameFrPublished!), id).toBe(true);
    }
    // Titles corrected to the published wording (the earlier ones were written from memory).
    const shown = (id: string) => catalogue.instruments.find((i) => i.id === id)?.nameFr;
    expect(shown("eu-art-42-7-teu")).toBe("Clause de défense mutuelle (article 42, paragraphe 7, TUE)");
    expect(shown("eu-submarine-cable-recommendation")).toBe(
      "Recommandation pour des infrastructures de câbles sous-marins sûres et résilientes",
    );
    expect(shown("eu-nato-joint-declaration-2016")).toBe("Déclaration commune OTAN-UE (Varsovie)");
  });

  it("I18N-18 a French title worded otherwise than its source is refused", () => {
    // The published words, some left out, or followed by a pointer into the text; a closing parenthesis is Remit's.
    expect(wordedAsPublished("Directive SRI 2", "Directive SRI 2: la sécurisation des réseaux")).toBe(true);
    expect(
      wordedAsPublished("Traité de l'Atlantique Nord, article 5 (défense collective)", "Traité de l’Atlantique Nord"),
    ).toBe(true);
    expect(
      wordedAsPublished(
        "Clause d'assistance mutuelle, article 42, paragraphe 7, TUE",
        "une clause de défense mutuelle",
      ),
    ).toBe(false);
    expect(
      wordedAsPublished(
        "Boîte à outils 5G de l'UE",
        "Sécurité du déploiement de la 5G dans l’UE – Mise en œuvre de la boîte à outils de l’UE",
      ),
    ).toBe(false);
    expect(wordedAsPublished("Traité de l'Atlantique Nord, et autres accords", "Traité de l'Atlantique Nord")).toBe(
      false,
    );
    const toolbox = catalogue.instruments.find((i) => i.id === "eu-5g-toolbox")!;
    expect(() =>
      loadCatalogue({ instruments: [{ ...toolbox, nameFr: "Boîte à outils 5G de l'UE" }], threats: [] }),
    ).toThrow(/not worded as nameFrPublished/);
    expect(() => loadCatalogue({ instruments: [{ ...toolbox, nameFrPublished: undefined }], threats: [] })).toThrow(
      /nameFrPublished/,
    );
    expect(() =>
      loadCatalogue({
        instruments: [{ ...toolbox, nameFrSource: toolbox.nameFrSource!.replace("https", "http") }],
        threats: [],
      }),
    ).toThrow();
  });

  it("I18N-5 an instrument without a sourced French title says why, and keeps its name in both languages", () => {
    const none = catalogue.instruments.filter((i) => !i.nameFr);
    expect(none.map((i) => i.id).sort()).toEqual([
      "de-it-security-act-2",
      "eu-cyber-diplomacy-toolbox",
      "eu-hybrid-toolbox",
      "eu-nato-task-force-critical-infrastructure",
      "hybrid-coe",
      "nato-baltic-sentry",
      "nato-ccdcoe",
      "nato-comprehensive-cyber-defence-policy",
      "nato-cui-coordination-cell",
      "nato-digital-transformation-strategy",
      "nato-maritime-centre-cui",
      "nato-resilience-baseline-requirements",
      "nato-strategic-concept-2022",
    ]);
    for (const instrument of none) expect(instrument.nameFrNone, instrument.id).toMatch(/French/);
    const [article5] = catalogue.instruments;
    const {
      nameFr: _nameFr,
      nameFrSource: _source,
      nameFrPublished: _published,
      nameFrOf: _of,
      ...unsourced
    } = article5;
    expect(() => loadCatalogue({ instruments: [unsourced], threats: [] })).toThrow(/nameFrNone/);
    expect(() => loadCatalogue({ instruments: [{ ...article5, nameFrOf: "Some other treaty" }], threats: [] })).toThrow(
      /nameFrOf/,
    );
    expect(() => loadCatalogue({ instruments: [{ ...article5, nameFrSource: undefined }], threats: [] })).toThrow();
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
