import { describe, expect, it } from "vitest";
import { computeConsensus, type PositionValue } from "../../core/consensus";
import type { BoardConsensusJson, RowConsensusView, RowWorkflowView } from "../../core/consensus-contract";
import {
  consensusLabel,
  countAgreement,
  declareBlocker,
  delegationNamer,
  rowConsensus,
  workflowLabel,
} from "./consensus-labels";
import { runWithLocale } from "../i18n/request-locale.server";

const delegation = (code: string, name: string) => ({
  code,
  name,
  nato: true,
  eu: true,
  partner: false,
  institution: false,
});
const participants = [delegation("FR", "France"), delegation("DE", "Germany")];
const draft: RowWorkflowView = {
  state: "draft",
  procedure: null,
  proposedAt: null,
  silenceDeadline: null,
  agreedAt: null,
  brokenByDelegation: null,
};

function view(
  rowId: string,
  workflow: Partial<RowWorkflowView>,
  positions: Record<string, PositionValue>,
): RowConsensusView {
  return {
    rowId,
    workflow: { ...draft, ...workflow },
    positions: Object.entries(positions).map(([code, position]) => ({
      rowId,
      delegationCode: code,
      delegationName: code === "IT" ? "Italy" : code,
      position,
      text: null,
      recordedByName: "x",
      recordedAt: "2026-01-01T00:00:00Z",
      current: true,
    })),
    consensus: computeConsensus(["FR", "DE"], new Map(Object.entries(positions))),
    organisations: [],
  };
}

const board: BoardConsensusJson = {
  forum: "joint",
  participants,
  rows: {
    a: view("a", { state: "agreed", procedure: "consensus" }, { FR: "support", DE: "support" }),
    b: view(
      "b",
      { state: "proposed", procedure: "silence", silenceDeadline: "2026-11-26T14:00:00Z" },
      { FR: "reserve" },
    ),
    c: view("c", { brokenByDelegation: "FR" }, { FR: "object", DE: "support" }),
    d: view("d", {}, { FR: "support-ad-referendum", DE: "abstain", IT: "object" }),
  },
};
const nameOf = delegationNamer(board);
const time = (iso: string) => `<${iso}>`;

describe("consensus labels", () => {
  it("treats rows without a record as draft with every participant pending", () => {
    const empty = rowConsensus(board, "new");
    expect(empty.workflow.state).toBe("draft");
    expect(empty.consensus).toEqual({ state: "pending", objecting: [], reserving: [], pending: ["DE", "FR"] });
    expect(consensusLabel(empty.consensus, nameOf)).toBe("Pending: France, Germany");
  });

  it("names delegations from participants and positions", () => {
    expect(nameOf("FR")).toBe("France");
    expect(nameOf("IT")).toBe("Italy");
    expect(nameOf("XX")).toBe("XX");
    expect(delegationNamer(board, [{ code: "NATO-IS", name: "NATO International Staff" }])("NATO-IS")).toBe(
      "NATO International Staff",
    );
  });

  it("I18N-11 names delegations in the reader's language: French nations from their code, institutions officially", () => {
    const french = runWithLocale("fr", () => {
      const inFrench = delegationNamer(board, [{ code: "NATO-IS", name: "NATO International Staff" }]);
      return {
        names: ["DE", "IT", "NATO-IS", "XX"].map(inFrench),
        // Listed in French alphabetical order: Allemagne before France.
        pending: consensusLabel(rowConsensus(board, "new").consensus, inFrench),
      };
    });
    expect(french.names).toEqual(["Allemagne", "Italie", "Secrétariat international de l'OTAN", "XX"]);
    expect(french.pending.replace(/[\u00a0\u202f]/g, " ")).toBe("En attente : Allemagne et France");
  });

  it("describes the workflow in words", () => {
    expect(workflowLabel(board.rows.a.workflow, time)).toBe("Agreed");
    expect(workflowLabel(board.rows.b.workflow, time)).toBe("Proposed — silence until <2026-11-26T14:00:00Z>");
    expect(workflowLabel({ ...draft, state: "proposed", procedure: "consensus" }, time)).toBe("Proposed for agreement");
    expect(workflowLabel(board.rows.c.workflow, time)).toBe("Draft");
  });

  it("describes the consensus in words", () => {
    expect(consensusLabel(board.rows.a.consensus, nameOf)).toBe("Consensus");
    expect(consensusLabel(board.rows.c.consensus, nameOf)).toBe("Blocked by France");
    expect(consensusLabel(board.rows.d.consensus, nameOf)).toBe("With reservations: France");
    expect(consensusLabel(board.rows.b.consensus, nameOf)).toBe("Pending: Germany");
    expect(consensusLabel(computeConsensus([], new Map()), nameOf)).toBe("No participants yet");
  });

  it("says why agreement cannot be declared", () => {
    expect(declareBlocker(board.rows.c, nameOf)).toBe("Cannot declare agreement: blocked by France.");
    expect(declareBlocker(board.rows.b, nameOf)).toBe("Cannot declare agreement yet: waiting for Germany.");
    expect(declareBlocker(board.rows.a, nameOf)).toBe("Agreed — locked. The chair can reopen it.");
    // Consensus, but still a draft: only a proposed row can be declared.
    expect(declareBlocker(board.rows.d, nameOf)).toBe(
      "Cannot declare agreement yet: propose this row for agreement first.",
    );
    expect(
      declareBlocker({ ...board.rows.d, workflow: { ...board.rows.d.workflow, state: "proposed" } }, nameOf),
    ).toBeNull();
  });

  it("counts rows by state, blocked ones apart, for the rows on the board only", () => {
    expect(countAgreement(["a", "b", "c", "d", "new"], board)).toEqual({
      agreed: 1,
      proposed: 1,
      draft: 3,
      blocked: 1,
      total: 5,
    });
    expect(countAgreement(["a"], board)).toEqual({ agreed: 1, proposed: 0, draft: 0, blocked: 0, total: 1 });
  });
});
