/** Words for forums, delegations' standing and why a delegation records no position (decision 018). Pure. */
import { delegationName, t, type MessageKey } from "../i18n";
import { positionRefusal, standingOf, type DelegationStanding, type Organisation } from "../../core/forums";
import type { BoardForum, DelegationInfo } from "../../core/domain";

const FORUM_KEYS: Record<BoardForum, MessageKey> = { nato: "forums.nato", eu: "forums.eu", joint: "forums.joint" };
const FORUM_HINTS: Record<BoardForum, MessageKey> = {
  nato: "forums.natoHint",
  eu: "forums.euHint",
  joint: "forums.jointHint",
};
const STANDING_KEYS: Record<DelegationStanding, MessageKey> = {
  "nato-eu": "forums.standingBoth",
  nato: "forums.standingNato",
  eu: "forums.standingEu",
  partner: "forums.standingPartner",
  institution: "forums.standingInstitution",
};
const ORGANISATION_KEYS: Record<Organisation, MessageKey> = { NATO: "forums.orgNATO", EU: "forums.orgEU" };

export const forumLabel = (forum: BoardForum) => t(FORUM_KEYS[forum]);
export const forumHint = (forum: BoardForum) => t(FORUM_HINTS[forum]);
export const organisationLabel = (organisation: Organisation) => t(ORGANISATION_KEYS[organisation]);
export const standingWord = (standing: DelegationStanding) => t(STANDING_KEYS[standing]);

/** "NATO Ally", "EU member state · takes part without a position" (on a NATO board)… */
export function standingLabel(forum: BoardForum, delegation: DelegationInfo): string {
  const standing = t(STANDING_KEYS[standingOf(delegation)]);
  return positionRefusal(forum, delegation) ? `${standing} · ${t("forums.withoutPosition")}` : standing;
}

/** Why my delegation records no position on this board, in a sentence; null when it may. */
export function positionRefusalNote(forum: BoardForum, delegation: DelegationInfo): string | null {
  const refusal = positionRefusal(forum, delegation);
  const values = { delegation: delegationName(delegation.code, delegation.name) };
  if (refusal === "institution") return t("forums.refusalInstitution", values);
  if (refusal === "partner") return t("forums.refusalPartner", values);
  if (refusal === "outside-forum")
    return t(forum === "nato" ? "forums.refusalOutsideNato" : "forums.refusalOutsideEu", values);
  return null;
}
