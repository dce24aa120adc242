import { describe, expect, it } from "vitest";
import { addMention, insertMention, mentionOptions, mentionsInText } from "./mentions";

const members = [
  { userId: "u1", displayName: "Claire", delegation: { code: "NATO-IS", name: "NATO International Staff" } },
  { userId: "u2", displayName: "Anna", delegation: { code: "DE", name: "Germany" } },
  { userId: "u3", displayName: "Fabien", delegation: { code: "FR", name: "France" } },
  { userId: "u4", displayName: "Bernd", delegation: { code: "DE", name: "Germany" } },
];

describe("mentions", () => {
  it("offers the other members and every delegation once", () => {
    const { people, delegations } = mentionOptions(members, "u2");
    expect(people.map((p) => p.label)).toEqual(["Bernd", "Claire", "Fabien"]);
    expect(delegations.map((d) => [d.id, d.label])).toEqual([
      ["FR", "France"],
      ["DE", "Germany"],
      ["NATO-IS", "NATO International Staff"],
    ]);
  });

  it("inserts @Name at the caret with spacing", () => {
    const france = { kind: "delegation" as const, id: "FR", label: "France" };
    expect(insertMention("", 0, france)).toEqual({ text: "@France ", caret: 8 });
    expect(insertMention("Ask please", 3, france)).toEqual({ text: "Ask @France  please", caret: 12 });
    expect(insertMention("Hi ", 99, france)).toEqual({ text: "Hi @France ", caret: 11 });
  });

  it("keeps only mentions still written in the text, each once", () => {
    const france = { kind: "delegation" as const, id: "FR", label: "France" };
    const anna = { kind: "user" as const, id: "u2", label: "Anna" };
    const selected = addMention(addMention(addMention([], france), anna), france);
    expect(selected).toHaveLength(2);
    expect(mentionsInText(selected, "@France, what do you think?")).toEqual([france]);
  });
});
