import { describe, expect, it } from "vitest";
import { ActivityItemFixture } from "./bidi.test-fixture";
import { isolate, isolateIfNeeded } from "./bidi";
import { createI18n } from "../i18n";
import { initialsOf } from "./initials";
import { describeActivity } from "./activity-sentence";

describe("bidi isolation", () => {
  it("HARDEN-27 a display name or title with a right-to-left override cannot reverse an activity sentence", () => {
    const sentence = describeActivity(
      ActivityItemFixture({ actorName: "Eve\u202Eecnarf", rowTitle: "Cable\u2069\u202E cut" }),
      () => undefined,
    );
    // Each piece of user text sits inside its own isolate; the override ends with it.
    expect(sentence).toContain(isolate("Eve\u202Eecnarf"));
    expect(sentence).toContain(isolate("Cable\u202E cut"));
    const afterName = sentence.slice(sentence.indexOf("ecnarf") + "ecnarf".length);
    expect(afterName.startsWith("\u2069")).toBe(true);
  });

  it("removes isolate controls from the text so it cannot close the isolate early", () => {
    expect(isolate("a\u2069b\u2066")).toBe("\u2068ab\u2069");
  });
});

describe("isolation wherever user text enters a translated string", () => {
  const override = "Eve\u202Eecnarf";
  const hebrew = "\u05D3\u05E0\u05D4";
  const arabic = "\u0633\u0627\u0631\u0629";

  it("HARDEN-53 t() isolates a right-to-left name or title in every sentence, label and tooltip; Latin text is left as typed", () => {
    const i18n = createI18n("en");
    expect(i18n.t("presence.person", { name: override, delegation: "France" })).toContain(isolate(override));
    expect(i18n.t("grid.moveUpLabel", { title: hebrew })).toContain(isolate(hebrew));
    // The text after the name is outside the isolate: the override cannot reach it.
    const label = i18n.t("presence.person", { name: override, delegation: "France" });
    expect(label.slice(label.indexOf("ecnarf") + "ecnarf".length).startsWith("\u2069")).toBe(true);
    expect(i18n.t("presence.person", { name: "Anna Schmidt", delegation: "Germany" })).not.toMatch(/[\u2066-\u2069]/);
    expect(createI18n("fr").tParts("comments.author", { name: arabic, delegation: "France" })).toContain(
      isolate(arabic),
    );
  });

  it("HARDEN-53 formatList isolates each name, so two right-to-left names cannot swap around the comma", () => {
    const list = createI18n("en").formatList([hebrew, arabic, "Anna"], "conjunction");
    expect(list).toBe(`${isolate(hebrew)}, ${isolate(arabic)}, and Anna`);
  });

  it("HARDEN-53 a stray isolate control in the text cannot close the isolate early; initials drop bidi controls", () => {
    expect(isolateIfNeeded("a\u2069\u202Eb")).toBe("\u2068a\u202Eb\u2069");
    expect(isolateIfNeeded("Plain title (2)")).toBe("Plain title (2)");
    expect(initialsOf("\u202Eecnarf Eve")).toBe("EE");
  });
});
