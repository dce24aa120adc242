/**
 * A consensus reader with fixed data, for version tests that need agreed rows
 * and positions without driving the consensus workflow itself.
 */
import { computeConsensus, type PositionValue } from "../../app/lib/consensus";
import type { DelegationInfo } from "../../app/load-context";
import type { AdoptionProcedure, BoardConsensusView, PositionRecord, RowConsensusView, RowWorkflowState } from "../../server/consensus/consensus-types";

export interface FakeRow {
  state?: RowWorkflowState;
  procedure?: AdoptionProcedure | null;
  positions?: { delegation: string; position: PositionValue; text?: string | null }[];
}

export const delegation = (code: string, name: string): DelegationInfo => ({ code, name, nato: true, eu: true, institution: false });

export function fakeConsensusView(participants: DelegationInfo[], rows: Record<string, FakeRow> = {}): BoardConsensusView {
  const names = new Map(participants.map((d) => [d.code, d.name]));
  const codes = participants.map((d) => d.code);
  const view = (rowId: string, row: FakeRow = {}): RowConsensusView => {
    const positions: PositionRecord[] = (row.positions ?? []).map((p) => ({
      rowId,
      delegationCode: p.delegation,
      delegationName: names.get(p.delegation) ?? p.delegation,
      position: p.position,
      text: p.text ?? null,
      recordedByName: `Delegate of ${p.delegation}`,
      recordedAt: "2025-03-05T10:00:00.000Z",
    }));
    const state = row.state ?? "draft";
    return {
      rowId,
      workflow: {
        state,
        procedure: row.procedure ?? null,
        proposedAt: null,
        silenceDeadline: null,
        agreedAt: state === "agreed" ? "2025-03-05T11:00:00.000Z" : null,
        brokenByDelegation: null,
      },
      positions,
      consensus: computeConsensus(codes, new Map(positions.map((p) => [p.delegationCode, p.position]))),
    };
  };
  return {
    participants,
    rows: new Map(Object.entries(rows).map(([rowId, row]) => [rowId, view(rowId, row)])),
    emptyRow: (rowId) => view(rowId),
  };
}

/** A reader whose answer the test can change between calls. */
export function fakeConsensus(initial: BoardConsensusView = fakeConsensusView([])) {
  let current = initial;
  return {
    readBoardConsensus: async (_boardId: string) => current,
    set(view: BoardConsensusView) {
      current = view;
    },
  };
}
