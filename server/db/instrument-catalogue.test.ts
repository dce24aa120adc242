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

  it("I18N-5 each French source is the French text of a document the sourced facts give (its reference)", () => {
    const french = catalogue.instruments.filter((i) => i.nameFr);
    expect(french).toHaveLength(23);
    for (const { id, nameFrSource, nameFrOf, reference } of french) {
      expect(reference, id).toContain(nameFrOf);
      const source = new URL(nameFrSource!);
      const celex = source.searchParams.get("uri")?.replace(/^CELEX:/, "");
      if (source.hostname === "eur-lex.europa.eu") expect(celexOf(nameFrOf!), id).toBe(celex);
      else if (source.hostname === "www.consilium.europa.eu") {
        // A Council press release is filed under its date: the date of the conclusions the facts name.
        const [, year, month, day] = /\/(\d{4})\/(\d{2})\/(\d{2})\//.exec(source.pathname)!;
        const named = new Date(
          `${/\d{1,2} \w+ \d{4}/.exec(nameFrOf!)?.[0] ?? `1 ${/\w+ \d{4}/.exec(nameFrOf!)![0]}`} UTC`,
        );
        expect([named.getUTCFullYear(), named.getUTCMonth() + 1], id).toEqual([Number(year), Number(month)]);
        if (/\d{1,2} \w+ \d{4}/.test(nameFrOf!)) expect(named.getUTCDate(), id).toBe(Number(day));
      } else expect(source.hostname, id).toMatch(/^(www\.nato\.int|digital-strategy\.ec\.europa\.eu)$/);
    }
  });

  it("I18N-5 an instrument without a sourced French title says why, and keeps its name in both languages", () => {
    const none = catalogue.instruments.filter((i) => !i.nameFr);
    expect(none.map((i) => i.id).sort()).toEqual([
      "de-it-security-act-2",
      "eu-nato-task-force-critical-infrastructure",
      "hybrid-coe",
      "nato-baltic-sentry",
      "nato-ccdcoe",
      "nato-cui-coordination-cell",
      "nato-digital-transformation-strategy",
      "nato-maritime-centre-cui",
      "nato-resilience-baseline-requirements",
      "nato-strategic-concept-2022",
    ]);
    for (const instrument of none) expect(instrument.nameFrNone, instrument.id).toMatch(/French/);
    const [article5] = catalogue.instruments;
    const { nameFr: _nameFr, nameFrSource: _source, nameFrOf: _of, ...unsourced } = article5;
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

/** The CELEX number of an EU act named as the sourced facts name it ("Directive (EU) 2022/2555" → 32022L2555). */
function celexOf(document: string): string | null {
  const pad = (n: string, width: number) => n.padStart(width, "0");
  const act = /(Directive|Regulation|Recommendation) \(EU\) (\d{4})\/(\d+)/.exec(document);
  if (act) return `3${act[2]}${{ Directive: "L", Regulation: "R", Recommendation: "H" }[act[1]]}${pad(act[3], 4)}`;
  const communication = /(COM|JOIN)\((\d{4})\) (\d+)/.exec(document);
  if (communication)
    return `5${communication[2]}${communication[1] === "COM" ? "DC" : "JC"}${pad(communication[3], 4)}`;
  // The consolidated treaties of 2016: M for TEU articles, E for TFEU articles.
  const article = /(Treaty on European Union|Treaty on the Functioning of the EU), Art\. (\d+)/.exec(document);
  if (article) return `12016${article[1] === "Treaty on European Union" ? "M" : "E"}${pad(article[2], 3)}`;
  return null;
}
