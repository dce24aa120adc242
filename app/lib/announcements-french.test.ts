/** What the board says out loud (I18N-25): every announcement read in French has no English left over. */
import { describe, expect, it } from "vitest";
import { catalogueEnglishOnlyWords, wordsOf } from "../../tests/support/catalogue-words";
import { runWithLocale } from "../i18n/request-locale.server";
import { connectionAnnouncement, roleChangeAnnouncement } from "./board-announcements";
import { createRowChangeAnnouncer, ROW_ANNOUNCE_INTERVAL_MS } from "./row-change-announcer";

const englishOnly = new Set(catalogueEnglishOnlyWords());

/** Each announcement as said in English and in French. */
function inBothLanguages(say: () => (string | null)[]): { en: string[]; fr: string[] } {
  const said = (locale: "en" | "fr") => runWithLocale(locale, say).filter((text): text is string => text !== null);
  return { en: said("en"), fr: said("fr") };
}

/** The row announcer's sentences: one per field, a few fields, many changes, a deletion. */
function rowAnnouncements(): string[] {
  const said: string[] = [];
  let now = 0;
  const timers: (() => void)[] = [];
  const announcer = createRowChangeAnnouncer((text) => said.push(text), {
    now: () => now,
    setTimer: (run) => timers.push(run),
    clearTimer: () => undefined,
  });
  const later = () => {
    now += ROW_ANNOUNCE_INTERVAL_MS;
    timers.splice(0).forEach((run) => run());
  };
  for (const field of [
    "title",
    "description",
    "notes",
    "category",
    "responsibility",
    "lead",
    "instruments",
    "position",
  ]) {
    announcer.offer({ rowId: "r1", title: "Rançongiciel", fields: [field] });
    later();
  }
  announcer.offer({ rowId: "r1", title: "Rançongiciel", fields: ["title", "lead"] });
  later();
  for (let i = 0; i < 1200; i++) announcer.offer({ rowId: "r1", title: "Rançongiciel", fields: ["notes"] });
  later();
  announcer.offer({ rowId: "r1", title: "Rançongiciel", fields: ["deleted"] });
  return said;
}

describe("I18N-25 the board's announcements in French", () => {
  it("I18N-25 connection, role and remote-change announcements read in French, words agreeing, no English left", () => {
    const { en, fr } = inBothLanguages(() => [
      connectionAnnouncement("down", false, null),
      connectionAnnouncement("up", true, null),
      ...[4401, 4403, 4413, 4422, 1012, 4999].map((code) => connectionAnnouncement("closed", false, code)),
      roleChangeAnnouncement("delegate", true),
      roleChangeAnnouncement("observer", false),
      roleChangeAnnouncement("chair", true),
      ...rowAnnouncements(),
    ]);
    expect(fr).toHaveLength(en.length);
    expect(fr.length).toBeGreaterThan(18);
    fr.forEach((french, i) => {
      expect(french, en[i]).not.toBe(en[i]);
      expect(french).not.toMatch(/[{}]/);
      expect(
        wordsOf(french).filter((word) => englishOnly.has(word)),
        french,
      ).toEqual([]);
      // Agreement: no feminine or plural field before a masculine singular participle ("description modifié").
      expect(french).not.toMatch(/(description|notes|catégorie|responsabilité|instruments) modifié(?!\p{L})/u);
    });
    // A count is written the French way (I18N-21), a close code keeps its digits.
    expect(fr.join("\n")).toContain("1\u202f199 modifications");
    expect(fr.join("\n")).toContain("4999");
  });
});
