/**
 * Consensus as NATO practises it: no votes; every delegation taking part can
 * block. Computed from the latest position of each participating delegation.
 * Pure, shared by browser and server.
 */
export const POSITION_VALUES = ["support", "support-ad-referendum", "abstain", "reserve", "object"] as const;
export type PositionValue = (typeof POSITION_VALUES)[number];

export type ConsensusState = "consensus" | "consensus-with-reservations" | "blocked" | "pending";

export interface ConsensusResult {
  state: ConsensusState;
  /** Delegations that object (state blocked). */
  objecting: string[];
  /** Delegations with an open reservation or an ad referendum support awaiting capital. */
  reserving: string[];
  /** Participating delegations that have not spoken. */
  pending: string[];
}

/**
 * `participants`: delegation codes taking part in the board.
 * `latest`: each delegation's standing position (delegations that are not participants are ignored).
 *
 * Order of precedence: any objection blocks; otherwise anyone silent keeps it
 * pending; otherwise reservations (reserve, ad referendum) give consensus with
 * reservations; otherwise consensus (support and abstain both let it pass).
 */
export function computeConsensus(participants: string[], latest: ReadonlyMap<string, PositionValue>): ConsensusResult {
  const objecting: string[] = [];
  const reserving: string[] = [];
  const pending: string[] = [];
  for (const delegation of [...new Set(participants)].sort()) {
    const position = latest.get(delegation);
    if (position === undefined) pending.push(delegation);
    else if (position === "object") objecting.push(delegation);
    else if (position === "reserve" || position === "support-ad-referendum") reserving.push(delegation);
  }
  if (participants.length === 0) return { state: "pending", objecting, reserving, pending };
  const state: ConsensusState =
    objecting.length > 0
      ? "blocked"
      : pending.length > 0
        ? "pending"
        : reserving.length > 0
          ? "consensus-with-reservations"
          : "consensus";
  return { state, objecting, reserving, pending };
}
