/**
 * Builds a MatrixSnapshot from the board's Yjs state plus what is stored
 * outside the document (positions, workflow, instruments). Pure: the service
 * reads the state once and builds the stored snapshot from exactly that state.
 */
import * as Y from "yjs";
import { readRows, MAX_TEXT_LENGTH, MAX_TITLE_LENGTH, type ThreatRow } from "../../core/board-doc";
import {
  MATRIX_FORMAT,
  MATRIX_FORMAT_VERSION,
  MatrixSnapshotSchema,
  type DelegationPosition,
  type MatrixSnapshot,
  type Procedure,
  type SnapshotRow,
  type SnapshotVersion,
} from "../../core/matrix-snapshot";
import type { InstrumentInfo } from "../../core/services";
import type { BoardConsensusView, PositionRecord, RowConsensusView } from "../consensus/consensus-types";

export interface SnapshotInput {
  board: { id: string; title: string };
  /** Yjs update holding the whole board (RoomRegistry.readState). */
  state: Uint8Array;
  consensus: BoardConsensusView;
  /** The board's instruments (library and custom); only those the rows link are kept. */
  instruments: readonly InstrumentInfo[];
  /** "agreed" keeps only rows in the agreed workflow state. */
  rows: "agreed" | "all";
  version: SnapshotVersion | null;
}

const byCodeUnit = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);

export function readStateRows(state: Uint8Array): ThreatRow[] {
  const doc = new Y.Doc();
  try {
    Y.applyUpdate(doc, state);
    return readRows(doc);
  } finally {
    doc.destroy();
  }
}

function toPosition(record: PositionRecord): DelegationPosition {
  return {
    delegation: record.delegationCode,
    delegationName: record.delegationName,
    position: record.position,
    text: record.text,
    recordedBy: record.recordedByName,
    recordedAt: new Date(record.recordedAt).toISOString(),
  };
}

function rowConsensus(view: BoardConsensusView, rowId: string): RowConsensusView {
  return view.rows.get(rowId) ?? view.emptyRow(rowId);
}

/** The document's length limits are enforced on input; clamp anyway so one odd row cannot block a publication. */
function toSnapshotRow(row: ThreatRow, consensus: RowConsensusView): SnapshotRow {
  return {
    ...row,
    title: row.title.slice(0, MAX_TITLE_LENGTH),
    description: row.description.slice(0, MAX_TEXT_LENGTH),
    notes: row.notes.slice(0, MAX_TEXT_LENGTH),
    workflowState: consensus.workflow.state,
    positions: consensus.positions.map(toPosition).sort((a, b) => byCodeUnit(a.delegation, b.delegation)),
  };
}

/**
 * How the published rows were adopted: the common procedure of the rows when
 * all were agreed the same way, "consensus" when they differ, and "none" as
 * soon as one published row is not agreed.
 */
export function procedureOf(rows: readonly SnapshotRow[], consensus: BoardConsensusView): Procedure {
  if (rows.length === 0 || rows.some((row) => row.workflowState !== "agreed")) return "none";
  const procedures = new Set(rows.map((row) => rowConsensus(consensus, row.id).workflow.procedure ?? "consensus"));
  return procedures.size === 1 ? [...procedures][0] : "consensus";
}

/** Rows in display order with their workflow state and standing positions. */
export function snapshotRows(input: Pick<SnapshotInput, "state" | "consensus" | "rows">): SnapshotRow[] {
  const rows = readStateRows(input.state).map((row) => toSnapshotRow(row, rowConsensus(input.consensus, row.id)));
  return input.rows === "agreed" ? rows.filter((row) => row.workflowState === "agreed") : rows;
}

export function assembleSnapshot(
  input: Omit<SnapshotInput, "state" | "rows"> & { rows: SnapshotRow[] },
): MatrixSnapshot {
  const linked = new Set(input.rows.flatMap((row) => row.instrumentIds));
  const snapshot: MatrixSnapshot = {
    format: MATRIX_FORMAT,
    formatVersion: MATRIX_FORMAT_VERSION,
    board: { id: input.board.id, title: input.board.title },
    version: input.version,
    delegationsPresent: input.consensus.participants
      .map((delegation) => delegation.name)
      .sort((a, b) => a.localeCompare(b)),
    instruments: input.instruments
      .filter((instrument) => linked.has(instrument.id))
      .map(({ id, name, owner, kind, year, reference, custom }) => ({
        id,
        name,
        owner,
        kind,
        year,
        reference,
        custom,
      })),
    rows: input.rows,
  };
  // An official record: fail here, loudly, rather than store something the exports would refuse.
  return MatrixSnapshotSchema.parse(snapshot);
}

export function buildSnapshot(input: SnapshotInput): MatrixSnapshot {
  return assembleSnapshot({ ...input, rows: snapshotRows(input) });
}
