import { describe, expect, it } from "vitest";
import { en } from "./en";
import { fr } from "./fr";
import { messageRef, type MessageRef } from "../../core/message-ref";
import { CustomInstrumentFormSchema } from "../lib/board-forms";
import {
  formatDate,
  formatList,
  formatNumber,
  interpolate,
  interpolateParts,
  createI18n,
  t,
  tParts,
  translate,
  type Messages,
} from "./index";

describe("i18n", () => {
  it("looks up nested keys", () => {
    expect(t("boards.create")).toBe(en.boards.create);
  });

  it("fills placeholders", () => {
    expect(t("grid.responsibilityFor", { title: "Ransomware" })).toBe("Responsibility for Ransomware");
    expect(interpolate("{a} and {a}, {b}", { a: 1, b: "x" })).toBe("1 and 1, x");
  });

  it("leaves unknown placeholders visible", () => {
    expect(interpolate("Hello {name}", {})).toBe("Hello {name}");
  });

  it("falls back to English when another catalogue lacks a key", () => {
    const partial = { ...en, boards: { ...en.boards, create: "Créer" } } as Messages;
    expect(translate(partial, "boards.create")).toBe("Créer");
    const missing = { ...en, boards: {} } as unknown as Messages;
    expect(translate(missing, "boards.create")).toBe("Create board");
  });

  it("returns the key itself when nothing matches", () => {
    expect(translate(en, "nope.nothing" as never)).toBe("nope.nothing");
  });

  it("formats dates in UTC", () => {
    expect(formatDate("2025-11-25T23:30:00.000Z")).toContain("2025");
    expect(formatDate("not a date")).toBe("not a date");
  });

  it("cuts a template at its placeholders, keeping the catalogue's order", () => {
    const date = { element: "time" };
    expect(interpolateParts("Created {date}", { date })).toEqual(["Created ", date]);
    expect(interpolateParts("{date} créé", { date })).toEqual([date, " créé"]);
    expect(interpolateParts("{a} · {b}", { a: 1, b: 2 })).toEqual([1, " · ", 2]);
    expect(interpolateParts("no placeholders", {})).toEqual(["no placeholders"]);
    expect(interpolateParts("{known} and {unknown}", { known: "x" })).toEqual(["x", " and {unknown}"]);
    expect(tParts("boards.createdOn", { date })).toEqual(["Created ", date]);
  });

  it("formats lists and numbers in the locale's way", () => {
    expect(formatList(["France", "Germany"])).toBe("France, Germany");
    expect(formatList(["Anna", "Bruno", "Chloé"], "conjunction")).toBe("Anna, Bruno, and Chloé");
    expect(formatList([])).toBe("");
    expect(formatNumber(5)).toBe("5");
    expect(formatNumber(1234.5)).toBe("1,234.5");
  });

  it("I18N-21 quantities in a message are written the reader's way; version numbers and codes keep their digits", () => {
    const french = createI18n("fr");
    // Intl's French groups thousands with a narrow no-break space and writes a decimal comma.
    expect(french.t("filter.showing", { shown: 1000, total: 12500 })).toBe(
      fr.filter.showing.replace("{shown}", "1\u202f000").replace("{total}", "12\u202f500"),
    );
    expect(french.t("meeting.timerMinutes", { n: 1.5 })).toBe(fr.meeting.timerMinutes.replace("{n}", "1,5"));
    expect(createI18n("en").t("filter.showing", { shown: 1000, total: 12500 })).toBe("Showing 1,000 of 12,500");
    expect(french.t("connection.closedOther", { code: 4422 })).toBe("La connexion a été fermée (4422).");
    expect(french.t("versions.publishHeading", { number: 1000 })).toContain("1000");
    expect(french.t("errors.code", { status: 1000 })).toContain("1000");
  });

  it("I18N-21 a range of years keeps its digits in French ('entre 1800 et 2100', never '2 100')", () => {
    const error = CustomInstrumentFormSchema.safeParse({ name: "Plan", owner: "EU", kind: "Plan", year: "2200" });
    expect(error.success).toBe(false);
    const message = error.error!.issues.find((issue) => issue.path[0] === "year")!.message as MessageRef;
    expect(createI18n("fr").tMessage(message)).toBe("Saisissez une année entre 1800 et 2100, ou laissez vide");
  });

  it("I18N-24 a refusal's list of delegations names them in the reader's language, as a list in its way", () => {
    const refusal = messageRef("markings.notReleasable", {
      releasableTo: messageRef("releasability.delegations", { delegations: "NATO-IS,US,KR" }),
    });
    const french = createI18n("fr")
      .tMessage(refusal)
      .replace(/[\u2068\u2069]/g, "");
    expect(french).toContain("délégations Secrétariat international de l'OTAN, États-Unis et République de Corée");
    expect(french).not.toMatch(/NATO-IS|\bUS\b|KR/);
    // English keeps the codes (the names it would show are the stored ones), in its list form.
    expect(
      createI18n("en")
        .tMessage(refusal)
        .replace(/[\u2068\u2069]/g, ""),
    ).toContain("delegations NATO-IS, US, and KR only");
    // Codes a person typed stay as typed: an unknown code is not worded as a country.
    expect(createI18n("fr").tMessage(messageRef("markings.unknownDelegations", { codes: "BR" }))).toContain("BR");
  });
});
