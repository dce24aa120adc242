import { describe, expect, it } from "vitest";
import { sampleSnapshot } from "../../tests/fixtures/sample-snapshot";
import { snapshotInLanguage } from "./snapshot-language";

const TITLES = new Map([
  ["eu-nis2", { name: "NIS2 Directive", nameFr: "Titre officiel de NIS2" }],
  ["eu-cra", { name: "An older name", nameFr: "Titre officiel du CRA" }],
  ["joint-decl", { name: "Joint Declaration", nameFr: "Déclaration commune" }],
]);

describe("a snapshot worded for its reader", () => {
  it("I18N-14 a French reader gets the official French title of the very name the snapshot holds, and delegations in French", () => {
    const stored = sampleSnapshot({ rows: 2 });
    // As the snapshot builder stores them: the participants' names.
    stored.delegationsPresent = ["Denmark", "France", "Poland", "Türkiye"];
    stored.instruments = stored.instruments.map((i) => (i.id === "joint-decl" ? { ...i, custom: true } : i));
    const worded = snapshotInLanguage("fr", stored, TITLES);
    const names = new Map(worded.instruments.map((i) => [i.id, i.name]));
    expect(names.get("eu-nis2")).toBe("Titre officiel de NIS2");
    // Published under another name: that name stays (I18N-5); a custom instrument is the board's own.
    expect(names.get("eu-cra")).toBe("Cyber Resilience Act");
    expect(names.get("joint-decl")).toBe("Joint Declaration");
    expect(names.get("nato-art5")).toBe("Article 5");
    const poland = worded.rows[0].positions.find((p) => p.delegation === "PL");
    expect(poland?.delegationName).toBe("Pologne");
    // Delegations present are stored as names: worded through their codes, in French order.
    expect(stored.delegationsPresent).toContain("Denmark");
    expect(worded.delegationsPresent).toContain("Danemark");
    expect(worded.delegationsPresent).not.toContain("Denmark");
    expect(worded.delegationsPresent).toEqual([...worded.delegationsPresent].sort(new Intl.Collator("fr").compare));
    // Ids and codes unchanged, and the stored snapshot untouched.
    expect(worded.instruments.map((i) => i.id)).toEqual(stored.instruments.map((i) => i.id));
    expect(stored.instruments.find((i) => i.id === "eu-nis2")?.name).toBe("NIS2 Directive");
    expect(stored.rows[0].positions.find((p) => p.delegation === "PL")?.delegationName).toBe("Poland");
  });

  it("I18N-14 an English reader gets the snapshot as stored", () => {
    const stored = sampleSnapshot({ rows: 1 });
    expect(snapshotInLanguage("en", stored, TITLES)).toBe(stored);
  });
});
