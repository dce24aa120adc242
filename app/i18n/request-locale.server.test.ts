import { setImmediate as nextTurn } from "node:timers/promises";
import { describe, expect, it } from "vitest";
import { createI18n, formatList, formatNumber, t, tMessage } from "./index";
import { requestLocale, runWithLocale } from "./request-locale.server";

describe("per-request locale", () => {
  it("I18N-2 keeps concurrent requests in their own language across awaits", async () => {
    const render = (locale: "en" | "fr") =>
      runWithLocale(locale, async () => {
        const seen: string[] = [];
        for (let i = 0; i < 5; i++) {
          seen.push(t("boards.create"));
          await nextTurn();
        }
        return seen;
      });
    const [english, french] = await Promise.all([render("en"), render("fr")]);
    expect(new Set(english)).toEqual(new Set(["Create board"]));
    expect(new Set(french)).toEqual(new Set(["Créer le tableau"]));
    expect(t("boards.create")).toBe("Create board");
  });

  it("I18N-3 formats lists, numbers and field-error refs in the request's language", () => {
    runWithLocale("fr", () => {
      expect(formatList(["Anna", "Bruno", "Chloé"], "conjunction")).toBe("Anna, Bruno et Chloé");
      expect(formatNumber(1234.5)).toBe("1\u202f234,5");
      expect(tMessage("forms.tooLong?max=200")).toBe("Utilisez au plus 200 caractères");
      expect(tMessage("versionImport.tooLarge?max=versionImport.maxSize%3Fsize%3D10")).toContain("10 Mio");
      expect(tMessage("Plain text stays")).toBe("Plain text stays");
    });
    expect(createI18n("fr").formatDate("2025-03-05T12:00:00Z")).toBe("5 mars 2025");
  });

  it("I18N-2 picks the account's setting, then the cookie, then Accept-Language", () => {
    const request = (headers: Record<string, string>) => new Request("http://x/", { headers });
    expect(requestLocale(request({ "Accept-Language": "fr-FR,fr;q=0.9" }))).toBe("fr");
    expect(requestLocale(request({ "Accept-Language": "fr", Cookie: "remit_locale=en" }))).toBe("en");
    expect(requestLocale(request({ Cookie: "remit_locale=en" }), "fr")).toBe("fr");
    expect(requestLocale(request({}))).toBe("en");
  });
});
