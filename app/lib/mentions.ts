/**
 * @mentions in a new comment: whom one can mention (board members and their
 * delegations), inserting "@Name" in the text, and keeping only the mentions
 * whose "@Name" is still in the text when it is sent.
 */
import { compareNames, delegationName } from "../i18n";

export interface MentionOption {
  kind: "user" | "delegation";
  /** User id or delegation code (what the form posts). */
  id: string;
  label: string;
  detail?: string;
}

interface MentionableMember {
  userId: string;
  displayName: string;
  delegation: { code: string; name: string };
}

export function mentionOptions(
  members: readonly MentionableMember[],
  meId: string,
): { people: MentionOption[]; delegations: MentionOption[] } {
  const byName = (a: MentionOption, b: MentionOption) => compareNames(a.label, b.label);
  const people = members
    .filter((member) => member.userId !== meId)
    .map((member): MentionOption => ({
      kind: "user",
      id: member.userId,
      label: member.displayName,
      detail: delegationName(member.delegation.code, member.delegation.name),
    }))
    .sort(byName);
  const delegations = [...new Map(members.map((m) => [m.delegation.code, m.delegation.name])).entries()]
    .map(([code, name]): MentionOption => ({ kind: "delegation", id: code, label: delegationName(code, name) }))
    .sort(byName);
  return { people, delegations };
}

export const mentionToken = (option: MentionOption) => `@${option.label}`;

/** Inserts "@Label " at the caret (with a space before it when needed); returns the new text and caret. */
export function insertMention(text: string, caret: number, option: MentionOption): { text: string; caret: number } {
  const at = Math.max(0, Math.min(caret, text.length));
  const before = text.slice(0, at);
  const spacer = before === "" || /\s$/.test(before) ? "" : " ";
  const inserted = `${spacer}${mentionToken(option)} `;
  return { text: before + inserted + text.slice(at), caret: at + inserted.length };
}

/** Adds an option once. */
export function addMention(selected: readonly MentionOption[], option: MentionOption): MentionOption[] {
  return selected.some((m) => m.kind === option.kind && m.id === option.id) ? [...selected] : [...selected, option];
}

/** The mentions still written in the text (someone may have deleted an "@Name"). */
export function mentionsInText(selected: readonly MentionOption[], text: string): MentionOption[] {
  return selected.filter((option) => text.includes(mentionToken(option)));
}
