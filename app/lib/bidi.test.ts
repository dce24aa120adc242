import { describe, expect, it } from "vitest";
import { ActivityItemFixture } from "./bidi.test-fixture";
import { isolate } from "./bidi";
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
