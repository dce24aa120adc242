/**
 * On a joint board, how each organisation stands on the rows it decides (decision 018): how many have its
 * consensus (with or without reservations), how many it blocks, how many wait for its members. Pure.
 */
import { ORGANISATIONS, type Organisation } from "../../core/forums";
import type { BoardConsensusJson } from "../../core/consensus-contract";
import { rowConsensus } from "./consensus-labels";

interface OrganisationCounts {
  organisation: Organisation;
  /** Rows that need this organisation's consensus. */
  rows: number;
  consensus: number;
  blocked: number;
  pending: number;
}

export function countByOrganisation(
  rows: readonly { id: string; responsibility: string }[],
  board: BoardConsensusJson,
): OrganisationCounts[] {
  const counts = new Map(
    ORGANISATIONS.map((organisation) => [
      organisation,
      { organisation, rows: 0, consensus: 0, blocked: 0, pending: 0 } as OrganisationCounts,
    ]),
  );
  for (const row of rows) {
    for (const { organisation, consensus } of rowConsensus(board, row.id, row.responsibility).organisations) {
      const entry = counts.get(organisation)!;
      entry.rows += 1;
      if (consensus.state === "blocked") entry.blocked += 1;
      else if (consensus.state === "pending") entry.pending += 1;
      else entry.consensus += 1;
    }
  }
  return [...counts.values()];
}
