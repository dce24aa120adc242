/**
 * Whom a new comment notifies: the members picked from the list (by id or delegation), and those an "@Name" typed
 * by hand names unambiguously (core/typed-mentions.ts). Only members of the board; never the author.
 */
import { findTypedMentions, mentionCandidates } from "../../core/typed-mentions";

interface BoardMemberForMention {
  userId: string;
  user: { displayName: string; delegation: { code: string; name: string } };
}

export function mentionedUsers(
  members: readonly BoardMemberForMention[],
  input: { body: string; mentionUserIds: readonly string[]; mentionDelegationCodes: readonly string[] },
  authorId: string,
): Set<string> {
  const userIds = new Set(input.mentionUserIds);
  const codes = new Set(input.mentionDelegationCodes);
  const candidates = mentionCandidates(
    members.map((m) => ({ userId: m.userId, displayName: m.user.displayName, delegation: m.user.delegation })),
  );
  for (const typed of findTypedMentions(input.body, candidates)) {
    if ("unresolved" in typed) continue;
    (typed.kind === "user" ? userIds : codes).add(typed.id);
  }
  return new Set(
    members
      .filter((m) => userIds.has(m.userId) || codes.has(m.user.delegation.code))
      .map((m) => m.userId)
      .filter((userId) => userId !== authorId),
  );
}
