import { describe, expect, it } from "vitest";
import { DELEGATIONS } from "../server/auth/delegation-list";
import { delegationNameIn, OFFICIAL_NAMES } from "./delegation-names";
import { findTypedMentions, mentionCandidates } from "./typed-mentions";

describe("delegation names in the reader's language", () => {
  it("I18N-11 English shows the stored name; French names nations from their ISO code", () => {
    expect(delegationNameIn("en", "DE", "Germany")).toBe("Germany");
    expect(delegationNameIn("en", "TR", "Türkiye")).toBe("Türkiye");
    expect(delegationNameIn("fr", "DE", "Germany")).toBe("Allemagne");
    expect(delegationNameIn("fr", "GB", "United Kingdom")).toBe("Royaume-Uni");
    expect(delegationNameIn("fr", "MK", "North Macedonia")).toBe("Macédoine du Nord");
  });

  it("I18N-11 institutions and the Republic of Korea take their official French names, each with its source", () => {
    expect(delegationNameIn("fr", "NATO-IS", "NATO International Staff")).toBe("Secrétariat international de l'OTAN");
    expect(delegationNameIn("fr", "EEAS", "European External Action Service")).toBe(
      "Service européen pour l'action extérieure",
    );
    expect(delegationNameIn("fr", "KR", "Republic of Korea")).toBe("République de Corée");
    for (const [code, { source }] of Object.entries(OFFICIAL_NAMES))
      expect(new URL(source.split(" ")[0]).hostname, code).toMatch(/(^|\.)(nato\.int|europa\.eu)$/);
  });

  it("I18N-11 a code we do not know keeps its stored name rather than a guess", () => {
    expect(delegationNameIn("fr", "OSCE", "OSCE Secretariat")).toBe("OSCE Secretariat");
    expect(delegationNameIn("fr", "ZZ", "Somewhere")).toBe("Somewhere");
    expect(delegationNameIn("fr", "XK", "Kosovo Mission")).toBe("Kosovo Mission");
  });

  it("I18N-11 every seeded delegation has a French name: the institutions from the catalogue, no English left", () => {
    for (const delegation of DELEGATIONS) {
      const french = delegationNameIn("fr", delegation.code, delegation.name);
      if (delegation.institution) expect(OFFICIAL_NAMES[delegation.code]?.fr, delegation.code).toBe(french);
      else expect(french, delegation.code).not.toBe(delegation.code);
    }
    const unchanged = DELEGATIONS.filter((d) => delegationNameIn("fr", d.code, d.name) === d.name).map((d) => d.code);
    // Names spelled the same in both languages.
    expect(unchanged.sort()).toEqual(["CA", "FR", "LU", "PT"]);
  });

  it("I18N-11 a French reader's typed @Allemagne names the German delegation, as @Germany and @DE do", () => {
    const candidates = mentionCandidates([
      { userId: "u1", displayName: "Anna Schmidt", delegation: { code: "DE", name: "Germany" } },
    ]);
    for (const typed of ["@Allemagne", "@Germany", "@DE"])
      expect(findTypedMentions(`${typed} please`, candidates), typed).toEqual([
        expect.objectContaining({ kind: "delegation", id: "DE" }),
      ]);
  });
});
