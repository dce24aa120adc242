/**
 * "@Name" typed by hand in a comment (not picked from the list) resolves to the one board member or delegation it
 * names, the same on the server (who gets notified) and in the form (what it says before sending): the longest
 * member name or delegation name/code that follows the "@" and ends at a word boundary, case-insensitively. A
 * name shared by two members (or a member and a delegation) resolves to nobody, and the form says so: a guess
 * would notify the wrong person. An "@" inside a word (an email address) is not a mention.
 */
import { delegationNameIn } from "./delegation-names";
import { LOCALES } from "./locale";

interface MentionCandidate {
  kind: "user" | "delegation";
  /** User id or delegation code. */
  id: string;
  /** What can follow the "@": a display name; a delegation's name and its code. */
  names: readonly string[];
}

export type TypedMention =
  { text: string; kind: "user" | "delegation"; id: string } | { text: string; unresolved: "no-match" | "ambiguous" };

const WORD = /[\p{L}\p{N}_]/u;
/** What is shown of an "@" that matched nobody: up to the next space or punctuation that ends a name. */
const UNMATCHED = /^[\p{L}\p{N}_.'’-]*[\p{L}\p{N}_]/u;
const MAX_MENTIONS = 50;

const sameText = (a: string, b: string) => a.localeCompare(b, undefined, { sensitivity: "accent" }) === 0;

export function findTypedMentions(body: string, candidates: readonly MentionCandidate[]): TypedMention[] {
  const found: TypedMention[] = [];
  for (let at = body.indexOf("@"); at >= 0 && found.length < MAX_MENTIONS; at = body.indexOf("@", at + 1)) {
    if (at > 0 && WORD.test(body[at - 1])) continue;
    const rest = body.slice(at + 1);
    let best = 0;
    let matches: MentionCandidate[] = [];
    for (const candidate of candidates) {
      for (const name of candidate.names) {
        const length = name.length;
        if (length === 0 || length < best || !sameText(rest.slice(0, length), name)) continue;
        if (length < rest.length && WORD.test(rest[length]) && WORD.test(name[length - 1])) continue;
        if (length > best) matches = [];
        best = length;
        if (!matches.includes(candidate)) matches.push(candidate);
      }
    }
    if (matches.length === 1) found.push({ text: `@${rest.slice(0, best)}`, kind: matches[0].kind, id: matches[0].id });
    else if (matches.length > 1) found.push({ text: `@${rest.slice(0, best)}`, unresolved: "ambiguous" });
    else {
      const word = UNMATCHED.exec(rest)?.[0];
      if (word) found.push({ text: `@${word}`, unresolved: "no-match" });
    }
  }
  return found;
}

/**
 * The candidates of a board: each member by display name, each delegation by name in every language (I18N-11: a
 * French reader types "@Allemagne") and by code.
 */
export function mentionCandidates(
  members: ReadonlyArray<{ userId: string; displayName: string; delegation: { code: string; name: string } }>,
): MentionCandidate[] {
  const delegations = new Map(members.map((m) => [m.delegation.code, m.delegation.name]));
  return [
    ...members.map((m): MentionCandidate => ({ kind: "user", id: m.userId, names: [m.displayName.trim()] })),
    ...[...delegations].map(([code, name]): MentionCandidate => ({
      kind: "delegation",
      id: code,
      names: [...new Set([name, ...LOCALES.map((locale) => delegationNameIn(locale, code, name)), code])],
    })),
  ];
}
