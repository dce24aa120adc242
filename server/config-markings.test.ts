import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "./config";

describe("BOARD_MARKINGS", () => {
  it("MARK-1 defaults to PUBLIC, NATO UNCLASSIFIED, EU LIMITE and RELEASABLE TO <list>", () => {
    expect(loadConfig({}).BOARD_MARKINGS).toEqual(["PUBLIC", "NATO UNCLASSIFIED", "EU LIMITE", "RELEASABLE TO <list>"]);
    expect(loadConfig({ BOARD_MARKINGS: " PUBLIC | OFFICIAL USE ONLY|RELEASABLE TO <list> " }).BOARD_MARKINGS).toEqual([
      "PUBLIC",
      "OFFICIAL USE ONLY",
      "RELEASABLE TO <list>",
    ]);
  });

  it.each([
    ["NATO RESTRICTED", "RESTRICTED"],
    ["NATO Confidential", "CONFIDENTIAL"],
    ["NATO SECRET", "SECRET"],
    ["COSMIC TOP SECRET", "TOP SECRET"],
    ["EU RESTRICTED", "RESTRICTED"],
    ["RESTREINT UE/EU RESTRICTED", "RESTRICTED"],
    ["Restreint UE", "RESTREINT"],
    ["CONFIDENTIEL UE", "CONFIDENTIEL"],
    ["Très Secret UE", "SECRET"],
    ["Secret Défense", "SECRET"],
    ["VS-NfD", "VS-NFD"],
    ["VS-Vertraulich", "VS-VERTRAULICH"],
    ["Geheim", "GEHEIM"],
    ["Riservatissimo", "RISERVATISSIMO"],
    ["Difusión Limitada", "DIFUSION LIMITADA"],
    ["Ściśle tajne", "SCISLE TAJNE"],
    ["Zastrzeżone", "ZASTRZEZONE"],
  ])("MARK-2 refuses to start with the classified marking %s, naming the level", (marking, level) => {
    let error: unknown;
    try {
      loadConfig({ BOARD_MARKINGS: `PUBLIC|${marking}` });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as Error).message;
    expect(message).toContain("BOARD_MARKINGS");
    expect(message).toContain(`"${marking}" names the classified level`);
    expect(message).toContain(level);
    expect(message).toContain("not accredited for classified information");
  });

  it("MARK-2 keeps unclassified markings whose words merely contain a level (UNCLASSIFIED, SECRETARIAT)", () => {
    const markings = ["NATO UNCLASSIFIED", "EU LIMITE", "GSC SECRETARIAT USE", "DIFFUSION RESTREINTE OK"];
    // "RESTREINTE" is the French protection mention Diffusion Restreinte, not the RESTREINT UE level.
    expect(loadConfig({ BOARD_MARKINGS: markings.join("|") }).BOARD_MARKINGS).toEqual(markings);
  });

  it("MARK-1 refuses an empty, duplicated, overlong or oddly written list", () => {
    expect(() => loadConfig({ BOARD_MARKINGS: "|" })).toThrow(/BOARD_MARKINGS: name at least one marking/);
    expect(() => loadConfig({ BOARD_MARKINGS: "PUBLIC|PUBLIC" })).toThrow(/listed twice/);
    expect(() => loadConfig({ BOARD_MARKINGS: "X".repeat(61) })).toThrow(/at most 60/);
    expect(() => loadConfig({ BOARD_MARKINGS: "PUBLIC\u202E" })).toThrow(/BOARD_MARKINGS/);
  });
});
