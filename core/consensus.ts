/**
 * Consensus as NATO practises it: no votes; every delegation taking part can
 * block. Computed from the latest position of each participating delegation.
 * Pure, shared by browser and server.
 */
import type { Organisation } from "./forums";

export const POSITION_VALUES = ["support", "support-ad-referendum", "abstain", "reserve", "object"] as const;
export type PositionValue = (typeof POSITION_VALUES)[number];

type ConsensusState = "consensus" | "consensus-with-reservations" | "blocked" | "pending";

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

/** A delegation taking part, with the memberships that decide which organisation's consensus it counts in. */
interface CountedDelegation {
  code: string;
  nato: boolean;
  eu: boolean;
}

export interface OrganisationConsensus {
  organisation: Organisation;
  consensus: ConsensusResult;
}

interface PerOrganisationConsensus {
  /** What the row's workflow goes by: blocked if any organisation is blocked, pending if any is pending… */
  overall: ConsensusResult;
  /** One entry per organisation the row needs, in the order given. */
  organisations: OrganisationConsensus[];
}

const STATE_PRECEDENCE: ConsensusState[] = ["blocked", "pending", "consensus-with-reservations", "consensus"];

/**
 * Consensus counted per organisation (joint NATO–EU boards, decision 018): each organisation's members among
 * the participants decide separately; an Austrian objection weighs on an EU row, not on a NATO one.
 */
export function computeOrganisationConsensus(
  organisations: readonly Organisation[],
  participants: readonly CountedDelegation[],
  latest: ReadonlyMap<string, PositionValue>,
): PerOrganisationConsensus {
  const perOrganisation = organisations.map((organisation) => ({
    organisation,
    consensus: computeConsensus(
      participants.filter((d) => (organisation === "NATO" ? d.nato : d.eu)).map((d) => d.code),
      latest,
    ),
  }));
  const union = (pick: (result: ConsensusResult) => string[]) =>
    [...new Set(perOrganisation.flatMap((entry) => pick(entry.consensus)))].sort();
  const states = perOrganisation.map((entry) => entry.consensus.state);
  const overall: ConsensusResult = {
    state: STATE_PRECEDENCE.find((state) => states.includes(state)) ?? "pending",
    objecting: union((result) => result.objecting),
    reserving: union((result) => result.reserving),
    pending: union((result) => result.pending),
  };
  return { overall, organisations: perOrganisation };
}
