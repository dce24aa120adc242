import { describe, expect, it } from "vitest";
import type { ActivityItem } from "../../core/services";
import { bracketResolvedDetail, bracketResolvedText, bracketSideDetail } from "../../core/bracket-activity";
import { bracketWordsIn } from "../../core/bracket-words";
import { MEETING_ACTIVITY } from "../../core/meeting-contract";
import { catalogueEnglishOnlyWords, wordsOf } from "../../tests/support/catalogue-words";
import { runWithLocale } from "../i18n/request-locale.server";
import { activitySentence, describeActivity, formatActivityTime } from "./activity-sentence";

/** The sentence without the bidi isolates around user text (bidi.ts; HARDEN-27 checks them). */
const plain = (text: string) => text.replace(/[\u2068\u2069]/g, "");

const base: ActivityItem = {
  id: 1,
  at: "2025-11-25T14:02:00.000Z",
  actorName: "Anna Schmidt",
  delegationCode: "DE",
  delegationName: "Germany",
  kind: "responsibility-changed",
  rowTitle: "Undersea data cable sabotage",
  detail: { from: "NATO", to: "Shared" },
};
const names = (id: string) => ({ nis2: "NIS2 Directive" })[id];
const item = (overrides: Partial<ActivityItem>): ActivityItem => ({ ...base, ...overrides });
const now = new Date("2025-11-25T18:00:00.000Z");

describe("activity sentences", () => {
  it("reads like the example, with the time", () => {
    expect(plain(activitySentence(base, names, now, "UTC"))).toBe(
      "Anna Schmidt (Germany) set 'Undersea data cable sabotage' to Shared, 14:02",
    );
  });

  it("describes every kind", () => {
    const cases: [Partial<ActivityItem>, string][] = [
      [{ kind: "row-added", detail: {} }, "Anna Schmidt (Germany) added 'Undersea data cable sabotage'"],
      [
        { kind: "position-recorded", detail: { position: "reserve", text: "x" } },
        "Anna Schmidt (Germany) recorded 'Reserve' on 'Undersea data cable sabotage'",
      ],
      [
        { kind: "silence-broken", detail: {} },
        "Anna Schmidt (Germany) broke silence on 'Undersea data cable sabotage'",
      ],
      [
        { kind: "row-proposed", detail: { procedure: "silence" } },
        "Anna Schmidt (Germany) proposed 'Undersea data cable sabotage' under silence procedure",
      ],
      [
        { kind: "row-agreed", detail: { procedure: "consensus" } },
        "Anna Schmidt (Germany) declared 'Undersea data cable sabotage' agreed",
      ],
      [{ kind: "row-reopened", detail: {} }, "Anna Schmidt (Germany) reopened 'Undersea data cable sabotage'"],
      [{ kind: "comment-added", detail: {} }, "Anna Schmidt (Germany) commented on 'Undersea data cable sabotage'"],
      [
        { kind: "thread-resolved", detail: {} },
        "Anna Schmidt (Germany) resolved a thread on 'Undersea data cable sabotage'",
      ],
      [
        { kind: "row-back-to-draft", detail: { reason: "edited" } },
        "'Undersea data cable sabotage' went back to draft: its text changed while proposed",
      ],
      [{ kind: "row-deleted", detail: {} }, "Anna Schmidt (Germany) deleted 'Undersea data cable sabotage'"],
      [{ kind: "row-moved", detail: {} }, "Anna Schmidt (Germany) moved 'Undersea data cable sabotage'"],
      [
        { kind: "lead-changed", detail: { from: null, to: "EU" } },
        "Anna Schmidt (Germany) set the lead of 'Undersea data cable sabotage' to EU",
      ],
      [
        { kind: "category-changed", detail: { from: "cyber", to: "infrastructure" } },
        "Anna Schmidt (Germany) set the category of 'Undersea data cable sabotage' to Critical infrastructure",
      ],
      [
        { kind: "instrument-linked", detail: { instrument: "nis2" } },
        "Anna Schmidt (Germany) linked NIS2 Directive to 'Undersea data cable sabotage'",
      ],
      [
        { kind: "instrument-unlinked", detail: { instrument: "gone" } },
        "Anna Schmidt (Germany) unlinked Unknown instrument (gone) from 'Undersea data cable sabotage'",
      ],
      [
        { kind: "text-edited", detail: { field: "notes" } },
        "Anna Schmidt (Germany) edited the notes of 'Undersea data cable sabotage'",
      ],
      [{ kind: "member-added", detail: {} }, "Anna Schmidt (Germany) changed 'Undersea data cable sabotage'"],
    ];
    for (const [overrides, sentence] of cases) expect(plain(describeActivity(item(overrides), names))).toBe(sentence);
  });

  it("copes with missing delegation, title and unknown values", () => {
    expect(plain(describeActivity(item({ delegationName: null, rowTitle: "  " }), names))).toBe(
      "Anna Schmidt set an untitled threat to Shared",
    );
    expect(plain(describeActivity(item({ detail: { to: null } }), names))).toBe(
      "Anna Schmidt (Germany) set 'Undersea data cable sabotage' to nothing",
    );
  });

  it("adds the day for entries of other days", () => {
    expect(formatActivityTime("2025-11-25T09:05:00.000Z", now, "UTC")).toBe("09:05");
    expect(formatActivityTime("2025-11-24T23:59:00.000Z", now, "UTC")).toBe("Nov 24, 23:59");
    expect(formatActivityTime("garbage", now, "UTC")).toBe("garbage");
  });
});

describe("I18N-9 bracket entries in the reader's language", () => {
  const shared = { field: "responsibility", responsibility: "Shared", lead: "EU" } as const;
  const nato = { field: "responsibility", responsibility: "NATO", lead: null } as const;
  const proposed = item({ kind: "bracket-proposed", detail: bracketSideDetail("responsibility", shared) });
  const resolved = item({
    kind: "bracket-resolved",
    detail: bracketResolvedDetail("responsibility", shared, ["DE"], [{ value: nato, sponsors: ["AT", "FR"] }]),
  });
  // French typography's no-break spaces read as spaces here.
  const inFrench = (entry: ActivityItem) =>
    runWithLocale("fr", () => plain(describeActivity(entry, names)).replace(/[\u00a0\u202f]/g, " "));

  it("I18N-9 a bracket entry stores values, and each reader gets the sides in their language", () => {
    expect(JSON.stringify([proposed.detail, resolved.detail])).not.toMatch(/EU lead|\[Shared|\[NATO/);
    expect(plain(describeActivity(proposed, names))).toBe(
      "Anna Schmidt (Germany) put 'Undersea data cable sabotage' in brackets: [Shared, EU lead]",
    );
    expect(inFrench(proposed)).toBe(
      "Anna Schmidt (Allemagne) a mis « Undersea data cable sabotage » entre crochets : [Partagée, Chef de file UE]",
    );
    expect(inFrench({ ...proposed, kind: "bracket-left" })).toContain("son soutien à [Partagée, Chef de file UE]");
    expect(inFrench(resolved)).toContain(": [Partagée, Chef de file UE] retenu, [OTAN] (AT, FR) retiré");
    expect(plain(describeActivity(resolved, names))).toContain("[Shared, EU lead] chosen, withdrawn [NATO] (AT, FR)");
    // A title side is the delegate's text, as written.
    const title = item({
      kind: "bracket-joined",
      detail: bracketSideDetail("title", { field: "title", title: "Câbles" }),
    });
    expect(inFrench(title)).toContain("soutient [Câbles] sur");
  });

  it("I18N-26 the sides withdrawn are listed with a no-break space before each semicolon in French", () => {
    const eu = { field: "responsibility", responsibility: "EU", lead: null } as const;
    const withdrawn = [
      { value: nato, sponsors: ["AT", "FR"] },
      { value: eu, sponsors: ["US"] },
    ];
    const twice = item({
      kind: "bracket-resolved",
      detail: bracketResolvedDetail("responsibility", shared, ["DE"], withdrawn),
    });
    expect(runWithLocale("fr", () => plain(describeActivity(twice, names)))).toContain(
      "[OTAN] (AT, FR)\u00a0; [UE] (US) retiré",
    );
    expect(plain(describeActivity(twice, names))).toContain("withdrawn [NATO] (AT, FR); [EU] (US)");
    // The meeting record words the same detail with the same words (record-words.ts: bracketWordsIn).
    expect(bracketResolvedText(twice.detail, bracketWordsIn("fr")).withdrawn).toBe("[OTAN] (AT, FR)\u00a0; [UE] (US)");
  });

  it("I18N-9 an entry stored before, as English text, still shows", () => {
    const old = item({ kind: "bracket-resolved", detail: { chosen: "[Shared, EU lead]", withdrawn: "[EU] (AT)" } });
    expect(inFrench(old)).toContain(": [Shared, EU lead] retenu, [EU] (AT) retiré");
    const oldSide = item({ kind: "bracket-proposed", detail: { field: "title", alternative: "[Old title]" } });
    expect(inFrench(oldSide)).toContain("entre crochets : [Old title]");
  });
});

describe("I18N-22 every activity sentence in French", () => {
  /** Words of the English catalogue no French message uses (as in the I18N-15 page check). */
  const englishOnly = new Set(catalogueEnglishOnlyWords());
  const side = JSON.stringify({ responsibility: "Shared", lead: "EU" });
  const details: Record<string, ActivityItem["detail"]> = {
    "row-added": {},
    "row-deleted": {},
    "row-moved": {},
    "responsibility-changed": { from: "NATO", to: "Shared" },
    "lead-changed": { from: null, to: "EU" },
    "category-changed": { from: "cyber", to: "infrastructure" },
    "instrument-linked": { instrument: "nis2" },
    "instrument-unlinked": { instrument: "nis2" },
    "text-edited": { field: "notes" },
    "position-recorded": { position: "reserve", text: "x" },
    "silence-broken": {},
    "row-proposed": { procedure: "silence" },
    "row-agreed": { procedure: "consensus" },
    "row-reopened": {},
    "comment-added": {},
    "comment-edited": {},
    "comment-deleted": {},
    "thread-resolved": {},
    "thread-reopened": {},
    "row-back-to-draft": { reason: "bracketed" },
    "bracket-proposed": { side },
    "bracket-joined": { side },
    "bracket-left": { side },
    "bracket-resolved": { field: "responsibility", chosenSide: side, chosenSponsors: "DE", withdrawnSides: null },
    "marking-changed": { to: "DIFFUSION RESTREINTE" }, // a marking is shown as set (conventional text)
    "forum-changed": { from: "nato", to: "eu" },
    ...Object.fromEntries(
      // Every kind the meeting contract defines is logged by a service (an item is not edited in place, decision
      // 021: no "changed" kind), so every one needs its French sentence.
      Object.values(MEETING_ACTIVITY).map((kind) => [
        kind,
        { title: "Point", delegation: "DE", delegationName: "Germany", seconds: 120 },
      ]),
    ),
  };

  it.each(Object.keys(details))("I18N-22 %s is worded in French, with no English left over", (kind) => {
    const entry = item({ kind, detail: details[kind], rowTitle: "Sabotage de câbles" });
    const [english, french] = (["en", "fr"] as const).map((locale) =>
      runWithLocale(locale, () => plain(describeActivity(entry, () => "Directive SRI 2"))),
    );
    // The sentence for a kind nobody worded, about the same row: a kind that falls back to it has no sentence.
    const generic = runWithLocale("fr", () =>
      plain(describeActivity(item({ kind: "nope", detail: {}, rowTitle: "Sabotage de câbles" }), names)),
    );
    expect(french).not.toBe(generic);
    expect(french).not.toBe(english);
    expect(french).not.toMatch(/[{}]/);
    expect(french).not.toContain("Germany");
    expect(wordsOf(french).filter((word) => englishOnly.has(word))).toEqual([]);
  });
});
