import { describe, expect, it } from "vitest";
import type { InstrumentInfo } from "../../core/services";
import { runWithLocale } from "../i18n/request-locale.server";
import { searchInstruments } from "./instrument-search";

const instrument = (id: string, patch: Partial<InstrumentInfo>): InstrumentInfo => ({
  id,
  name: id,
  owner: "NATO",
  kind: "Treaty article",
  year: null,
  reference: "",
  summary: "",
  custom: false,
  ...patch,
});

const all = [
  instrument("art5", { name: "Article 5", reference: "North Atlantic Treaty, Art. 5", year: 1949 }),
  instrument("nis2", {
    name: "NIS2 Directive",
    owner: "EU",
    kind: "Directive",
    reference: "(EU) 2022/2555",
    year: 2022,
  }),
  instrument("cer", { name: "Critical Entities Resilience Directive", owner: "EU", kind: "Directive", year: 2022 }),
  instrument("decl", { name: "Déclaration conjointe", owner: "Joint", kind: "Declaration" }),
];

describe("searchInstruments", () => {
  it("lists everything not linked when the query is empty", () => {
    expect(searchInstruments(all, "", ["nis2"]).map((i) => i.id)).toEqual(["art5", "cer", "decl"]);
  });

  it("matches name, kind, reference, owner and year, every term", () => {
    expect(searchInstruments(all, "directive 2022", []).map((i) => i.id)).toEqual(["nis2", "cer"]);
    expect(searchInstruments(all, "2555", []).map((i) => i.id)).toEqual(["nis2"]);
    expect(searchInstruments(all, "nato 1949", []).map((i) => i.id)).toEqual(["art5"]);
    expect(searchInstruments(all, "declaration conjointe", []).map((i) => i.id)).toEqual(["decl"]);
  });

  it("stops at the limit", () => {
    expect(searchInstruments(all, "", [], 2)).toHaveLength(2);
  });
});

describe("I18N-19 the picker's search in the reader's language", () => {
  const library = [
    instrument("eu-5g-toolbox", {
      name: "Boîte à outils de l'UE (sécurité du déploiement de la 5G)",
      owner: "EU",
      kind: "toolbox",
      reference: "COM(2020) 50 final",
      year: 2020,
    }),
    instrument("eu-hybrid-toolbox", { name: "EU Hybrid Toolbox", owner: "EU", kind: "toolbox", year: 2022 }),
    instrument("nato-article-5", {
      name: "Traité de l'Atlantique Nord, article 5",
      kind: "treaty-article",
      year: 1949,
    }),
    instrument("eu-cra", { name: "Règlement sur la cyberrésilience", owner: "EU", kind: "regulation", year: 2024 }),
    instrument("custom", { name: "Plan national", owner: "National", kind: "Plan maison", custom: true }),
  ];
  const found = (query: string, locale: "en" | "fr" = "fr") =>
    runWithLocale(locale, () => searchInstruments(library, query, []).map((i) => i.id));

  it("I18N-19 a French kind label finds the instruments of that kind, accents and case aside", () => {
    expect(found("boîte")).toEqual(["eu-5g-toolbox", "eu-hybrid-toolbox"]);
    expect(found("BOITE A OUTILS")).toEqual(["eu-5g-toolbox", "eu-hybrid-toolbox"]);
    expect(found("article de traité")).toEqual(["nato-article-5"]);
    expect(found("règlement 2024")).toEqual(["eu-cra"]);
    expect(found("plan maison")).toEqual(["custom"]);
  });

  it("I18N-19 a French title and the French owner label find the instrument", () => {
    expect(found("déploiement 5g")).toEqual(["eu-5g-toolbox"]);
    expect(found("cyberresilience")).toEqual(["eu-cra"]);
    expect(found("ue boussole")).toEqual([]);
    expect(found("otan 1949")).toEqual(["nato-article-5"]);
  });

  it("I18N-19 the English labels in English, and the kind codes in either language", () => {
    expect(found("treaty article", "en")).toEqual(["nato-article-5"]);
    expect(found("regulation", "en")).toEqual(["eu-cra"]);
    // In English the French kind label is no label: "outils" is only in the 5G toolbox's (here French) name.
    expect(found("outils", "en")).toEqual(["eu-5g-toolbox"]);
    expect(found("toolbox", "fr")).toEqual(["eu-5g-toolbox", "eu-hybrid-toolbox"]);
  });
});
