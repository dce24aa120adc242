/**
 * The forum and the membership list as every export writes them (decision 018): one phrase for the forum,
 * one for the delegations with their standing. Versions published before forums existed have neither.
 */
import type { Locale } from "../../core/locale";
import type { DelegationStanding } from "../../core/forums";
import type { BoardForum } from "../../core/domain";
import type { MatrixSnapshot } from "../../core/matrix-snapshot";

const WORDS: Record<
  Locale,
  {
    forum: string;
    membership: string;
    forums: Record<BoardForum, string>;
    standings: Record<DelegationStanding, string>;
  }
> = {
  en: {
    forum: "Forum",
    membership: "Membership",
    forums: { nato: "NATO", eu: "EU", joint: "Joint NATO–EU" },
    standings: {
      "nato-eu": "NATO Ally and EU member state",
      nato: "NATO Ally",
      eu: "EU member state",
      partner: "Partner",
      institution: "Institution",
    },
  },
  fr: {
    forum: "Enceinte",
    membership: "Participants",
    forums: { nato: "OTAN", eu: "UE", joint: "OTAN–UE conjointe" },
    standings: {
      "nato-eu": "Allié de l'OTAN et État membre de l'UE",
      nato: "Allié de l'OTAN",
      eu: "État membre de l'UE",
      partner: "Partenaire",
      institution: "Institution",
    },
  },
};

interface ForumLines {
  forumLabel: string;
  forum: string;
  membershipLabel: string;
  /** "Austria (EU member state), Japan (Partner)"; "—" when nobody is listed. */
  membership: string;
  standingOf: (standing: DelegationStanding) => string;
}

/** Null for a snapshot without a forum (published before forums existed): the export writes nothing. */
export function forumLines(snapshot: MatrixSnapshot, locale: Locale): ForumLines | null {
  if (!snapshot.forum) return null;
  const words = WORDS[locale];
  const members = snapshot.membership ?? [];
  return {
    forumLabel: words.forum,
    forum: words.forums[snapshot.forum],
    membershipLabel: words.membership,
    membership: members.map((m) => `${m.name} (${words.standings[m.standing]})`).join(", ") || "—",
    standingOf: (standing) => words.standings[standing],
  };
}
