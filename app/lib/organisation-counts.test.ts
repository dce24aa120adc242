import { describe, expect, it } from "vitest";
import { computeOrganisationConsensus, type PositionValue } from "../../core/consensus";
import type { BoardConsensusJson, RowConsensusView } from "../../core/consensus-contract";
import { organisationsForRow } from "../../core/forums";
import { countByOrganisation } from "./organisation-counts";

const flags = { partner: false, institution: false };
const participants = [
  { ...flags, code: "AT", name: "Austria", nato: false, eu: true },
  { ...flags, code: "DE", name: "Germany", nato: true, eu: true },
  { ...flags, code: "US", name: "United States", nato: true, eu: false },
];

function view(rowId: string, responsibility: string, positions: Record<string, PositionValue>): RowConsensusView {
  const counted = computeOrganisationConsensus(
    organisationsForRow("joint", responsibility),
    participants,
    new Map(Object.entries(positions)),
  );
  return {
    rowId,
    workflow: {
      state: "draft",
      procedure: null,
      proposedAt: null,
      silenceDeadline: null,
      agreedAt: null,
      brokenByDelegation: null,
    },
    positions: [],
    consensus: counted.overall,
    organisations: counted.organisations,
  };
}

describe("countByOrganisation", () => {
  it("FORUM-6 the summary counts each organisation's consensus over the rows it decides", () => {
    const everyone = { AT: "support", DE: "support", US: "support" } as const;
    const board: BoardConsensusJson = {
      forum: "joint",
      participants,
      rows: {
        nato: view("nato", "NATO", { ...everyone, AT: "object" }),
        eu: view("eu", "EU", { ...everyone, AT: "object" }),
        shared: view("shared", "Shared", { ...everyone, US: "reserve" }),
      },
    };
    const rows = [
      { id: "nato", responsibility: "NATO" },
      { id: "eu", responsibility: "EU" },
      { id: "shared", responsibility: "Shared" },
      { id: "fresh", responsibility: "NATO" },
    ];
    expect(countByOrganisation(rows, board)).toEqual([
      { organisation: "NATO", rows: 3, consensus: 2, blocked: 0, pending: 1 },
      { organisation: "EU", rows: 2, consensus: 1, blocked: 1, pending: 0 },
    ]);
  });
});
