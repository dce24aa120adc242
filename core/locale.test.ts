import { describe, expect, it } from "vitest";
import { localeFromAcceptLanguage, negotiateLocale } from "./locale";

describe("locale negotiation", () => {
  it("reads Accept-Language by quality, then order, matching primary subtags", () => {
    expect(localeFromAcceptLanguage("fr-CH, fr;q=0.9, en;q=0.8")).toBe("fr");
    expect(localeFromAcceptLanguage("de-DE, en;q=0.5, fr;q=0.7")).toBe("fr");
    expect(localeFromAcceptLanguage("en-GB,en;q=0.9")).toBe("en");
    expect(localeFromAcceptLanguage("de, it")).toBeNull();
    expect(localeFromAcceptLanguage("fr;q=0")).toBeNull();
    expect(localeFromAcceptLanguage("")).toBeNull();
  });

  it("prefers the account setting, then the cookie, then the header", () => {
    expect(negotiateLocale({ userLocale: "fr", cookie: "en", acceptLanguage: "en" })).toBe("fr");
    expect(negotiateLocale({ userLocale: null, cookie: "fr", acceptLanguage: "en" })).toBe("fr");
    expect(negotiateLocale({ cookie: "xx", acceptLanguage: "fr-BE" })).toBe("fr");
    expect(negotiateLocale({})).toBe("en");
  });
});
