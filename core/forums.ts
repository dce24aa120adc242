/**
 * Forums and standing (decision 018): who a delegation is in the room (Ally, EU member state, partner,
 * institution) and what the board's forum lets it do. Pure, shared by browser and server.
 */
import type { BoardForum, DelegationInfo } from "./domain";

export type Organisation = "NATO" | "EU";
export const ORGANISATIONS: readonly Organisation[] = ["NATO", "EU"];

/** How a delegation sits in NATO–EU meetings; "nato-eu" = both an Ally and an EU member state. */
export const DELEGATION_STANDINGS = ["nato-eu", "nato", "eu", "partner", "institution"] as const;
export type DelegationStanding = (typeof DELEGATION_STANDINGS)[number];

type Flags = Pick<DelegationInfo, "nato" | "eu" | "partner" | "institution">;

export function standingOf(delegation: Flags): DelegationStanding {
  if (delegation.institution) return "institution";
  if (delegation.nato && delegation.eu) return "nato-eu";
  if (delegation.nato) return "nato";
  if (delegation.eu) return "eu";
  return "partner";
}

/** The organisations whose members record positions in a forum. */
function organisationsOfForum(forum: BoardForum): Organisation[] {
  return forum === "nato" ? ["NATO"] : forum === "eu" ? ["EU"] : ["NATO", "EU"];
}

export function isMemberOf(delegation: Pick<Flags, "nato" | "eu">, organisation: Organisation): boolean {
  return organisation === "NATO" ? delegation.nato : delegation.eu;
}

/** Why a delegation may not record positions on a board of this forum; null when it may. */
export type PositionRefusal = "institution" | "partner" | "outside-forum";

export function positionRefusal(forum: BoardForum, delegation: Flags): PositionRefusal | null {
  if (delegation.institution) return "institution";
  if (delegation.partner && !delegation.nato && !delegation.eu) return "partner";
  return organisationsOfForum(forum).some((organisation) => isMemberOf(delegation, organisation))
    ? null
    : "outside-forum";
}

export function mayRecordPositions(forum: BoardForum, delegation: Flags): boolean {
  return positionRefusal(forum, delegation) === null;
}

/**
 * Whose consensus a row needs. On a NATO or EU board: that organisation's. On a joint board it follows the
 * row's responsibility: NATO → the Allies, EU → the member states, Shared and Unassigned → both, each
 * counted separately (an unassigned row is still open between the two, so neither may be passed over).
 */
export function organisationsForRow(forum: BoardForum, responsibility: string | null | undefined): Organisation[] {
  if (forum !== "joint") return organisationsOfForum(forum);
  if (responsibility === "NATO") return ["NATO"];
  if (responsibility === "EU") return ["EU"];
  return ["NATO", "EU"];
}

/** The forum stored on a board; null (boards made before forums existed) and anything unknown read as joint. */
export function parseForum(value: string | null | undefined): BoardForum {
  return value === "nato" || value === "eu" ? value : "joint";
}
