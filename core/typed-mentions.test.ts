import { describe, expect, it } from "vitest";
import { findTypedMentions, mentionCandidates } from "./typed-mentions";

const members = [
  { userId: "u-anna", displayName: "Anna Schmidt", delegation: { code: "DE", name: "Germany" } },
  { userId: "u-ann", displayName: "Ann", delegation: { code: "DE", name: "Germany" } },
  { userId: "u-pierre", displayName: "Pierre Martin", delegation: { code: "FR", name: "France" } },
  { userId: "u-pm2", displayName: "pierre martin", delegation: { code: "BE", name: "Belgium" } },
  { userId: "u-eve", displayName: "Éve", delegation: { code: "FR", name: "France" } },
];
const candidates = mentionCandidates(members);
const find = (body: string) => findTypedMentions(body, candidates);

describe("@Name typed by hand", () => {
  it("HARDEN-55 resolves to the one member or delegation it names: the longest name, at a word boundary, any case", () => {
    expect(find("Thanks @Anna Schmidt, and @ann too")).toEqual([
      { text: "@Anna Schmidt", kind: "user", id: "u-anna" },
      { text: "@ann", kind: "user", id: "u-ann" },
    ]);
    expect(find("@france and @DE: please check")).toEqual([
      { text: "@france", kind: "delegation", id: "FR" },
      { text: "@DE", kind: "delegation", id: "DE" },
    ]);
    expect(find("@Éve?")).toEqual([{ text: "@Éve", kind: "user", id: "u-eve" }]);
  });

  it("HARDEN-55 a name two members share, or a name nobody has, resolves to nobody and says why", () => {
    expect(find("@Pierre Martin agrees")).toEqual([{ text: "@Pierre Martin", unresolved: "ambiguous" }]);
    // "@Annabel" is not "@Ann" followed by "abel": a name ends at a word boundary.
    expect(find("@Annabel and @Zoë-Li.")).toEqual([
      { text: "@Annabel", unresolved: "no-match" },
      { text: "@Zoë-Li", unresolved: "no-match" },
    ]);
  });

  it("HARDEN-55 an @ inside a word (an email address) or followed by no name is not a mention", () => {
    expect(find("write to anna@Germany.example or meet @ 10:00")).toEqual([]);
  });
});
