/**
 * "@Name" typed by hand in a comment or an edit, resolved as the server will (core/typed-mentions.ts): what it
 * matched is shown with the picked mentions; what matched nobody, or several people, is said before sending.
 */
import { useMemo } from "react";
import { t } from "~/i18n";
import { mentionToken, type MentionOption } from "~/lib/mentions";
import { findTypedMentions, mentionCandidates, type TypedMention } from "../../../core/typed-mentions";
import { useConsensus } from "./consensus-context";

type Unresolved = Extract<TypedMention, { unresolved: string }>;

/** Typed mentions worth showing: not one already picked (nor the author), each text once. */
export function useTypedMentions(body: string, picked: readonly MentionOption[] = []) {
  const { data } = useConsensus();
  const candidates = useMemo(() => mentionCandidates(data?.members ?? []), [data?.members]);
  const meId = data?.me.id ?? "";
  const pickedTexts = new Set(picked.map(mentionToken));
  const seen = new Set<string>();
  const fresh = findTypedMentions(body, candidates).filter((mention) => {
    if (pickedTexts.has(mention.text) || seen.has(mention.text)) return false;
    seen.add(mention.text);
    if ("unresolved" in mention) return true;
    return mention.id !== meId && !picked.some((p) => p.kind === mention.kind && p.id === mention.id);
  });
  return {
    resolved: fresh.filter((mention) => !("unresolved" in mention)),
    unresolved: fresh.filter((mention): mention is Unresolved => "unresolved" in mention),
  };
}

/** Chips for typed mentions that matched: deleting the text is how to remove them. */
export function TypedMentionChips({ mentions }: { mentions: readonly TypedMention[] }) {
  return mentions.map((mention) => (
    <span key={mention.text} className="mention-chip mention-chip-typed" data-testid="mention-typed">
      <bdi>{mention.text}</bdi>
    </span>
  ));
}

export function UnresolvedMentions({ mentions }: { mentions: readonly Unresolved[] }) {
  return mentions.map((mention) => (
    <p key={mention.text} className="hint small" data-testid="mention-unresolved">
      {t(mention.unresolved === "ambiguous" ? "comments.mentionAmbiguous" : "comments.mentionNoMatch", {
        name: mention.text,
      })}
    </p>
  ));
}
