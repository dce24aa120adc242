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
  SnapshotRowSchema,
  type DelegationPosition,
  type MatrixSnapshot,
  type Procedure,
  type SnapshotRow,
  type SnapshotVersion,
} from "../../core/matrix-snapshot";
import type { InstrumentInfo } from "../../core/services";
import { DEFAULT_MARKING } from "../../core/markings";
import { boardMarkingText } from "../../core/releasability";
import type { BracketView } from "../../core/bracket-contract";
import { standingOf } from "../../core/forums";
import type { BoardConsensusView, PositionRecord, RowConsensusView } from "../consensus/consensus-types";

interface SnapshotInput {
  /** Marking fields absent (a test's bare board) → the snapshot carries the default marking. */
  board: { id: string; title: string; marking?: string; releasability?: string };
  /** Yjs update holding the whole board (RoomRegistry.readState). */
  state: Uint8Array;
  consensus: BoardConsensusView;
  /** The board's instruments (library and custom); only those the rows link are kept. */
  instruments: readonly InstrumentInfo[];
  /** "agreed" keeps only rows in the agreed workflow state. */
  rows: "agreed" | "all";
  version: SnapshotVersion | null;
  /** The board's open brackets (decision 020); rows without one carry no `brackets` key. */
  brackets?: readonly BracketView[];
  /** Told about each row that had to be coerced or left out (the export and publication go on). */
  report?: (problem: SnapshotProblem) => void;
}

/** A row of the live document that did not fit the snapshot schema as it was. */
export interface SnapshotProblem {
  rowId: string;
  action: "coerced" | "skipped";
  detail: string;
}

const byCodeUnit = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);

function readStateRows(state: Uint8Array): ThreatRow[] {
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

const validInstrumentId = (id: string) => id.length >= 1 && id.length <= 100;
const clampText = (text: string | null) => (text === null ? null : text.slice(0, MAX_TEXT_LENGTH));

/**
 * Any client can write any value into the shared document, and the document's
 * limits are enforced by well-behaved clients only. So one odd row must never
 * make every export and publication fail (HARDEN-48): texts are clamped,
 * instrument ids the schema cannot hold are dropped, and a row that still does
 * not fit (an id longer than 64 characters) is left out — each reported.
 */
/** The row's open brackets as the snapshot holds them, or undefined (no key) when it has none. */
function bracketsOf(brackets: readonly BracketView[], rowId: string): SnapshotRow["brackets"] {
  const own = brackets
    .filter((bracket) => bracket.rowId === rowId && bracket.alternatives.length > 0)
    .sort((a, b) => byCodeUnit(a.field, b.field))
    .map((bracket) => ({
      field: bracket.field,
      alternatives: bracket.alternatives.map((alternative) => ({
        value: alternative.value,
        sponsors: alternative.sponsors.map((sponsor) => sponsor.delegationCode),
      })),
    }));
  return own.length > 0 ? own : undefined;
}

function toSnapshotRow(
  row: ThreatRow,
  consensus: RowConsensusView,
  report: (problem: SnapshotProblem) => void,
  brackets: readonly BracketView[] = [],
): SnapshotRow | null {
  const instrumentIds = row.instrumentIds.filter(validInstrumentId);
  const candidate: SnapshotRow = {
    ...row,
    title: row.title.slice(0, MAX_TITLE_LENGTH),
    description: row.description.slice(0, MAX_TEXT_LENGTH),
    notes: row.notes.slice(0, MAX_TEXT_LENGTH),
    instrumentIds,
    workflowState: consensus.workflow.state,
    positions: consensus.positions
      .map(toPosition)
      .map((position) => ({ ...position, text: clampText(position.text) }))
      .sort((a, b) => byCodeUnit(a.delegation, b.delegation)),
    brackets: bracketsOf(brackets, row.id),
  };
  const rowId = row.id.slice(0, 64);
  const parsed = SnapshotRowSchema.safeParse(candidate);
  if (!parsed.success) {
    const detail = parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; ");
    report({ rowId, action: "skipped", detail });
    return null;
  }
  const clamped =
    candidate.title.length < row.title.length ||
    candidate.description.length < row.description.length ||
    candidate.notes.length < row.notes.length;
  if (clamped || instrumentIds.length < row.instrumentIds.length) {
    const what = [
      clamped && "text clamped",
      instrumentIds.length < row.instrumentIds.length && "bad instrument ids dropped",
    ];
    report({ rowId, action: "coerced", detail: what.filter(Boolean).join(", ") });
  }
  return parsed.data;
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
export function snapshotRows(
  input: Pick<SnapshotInput, "state" | "consensus" | "rows" | "report" | "brackets">,
): SnapshotRow[] {
  const report = input.report ?? (() => undefined);
  const rows = readStateRows(input.state).flatMap(
    (row) => toSnapshotRow(row, rowConsensus(input.consensus, row.id), report, input.brackets) ?? [],
  );
  return input.rows === "agreed" ? rows.filter((row) => row.workflowState === "agreed") : rows;
}

export function assembleSnapshot(
  input: Omit<SnapshotInput, "state" | "rows"> & { rows: SnapshotRow[] },
): MatrixSnapshot {
  const linked = new Set(input.rows.flatMap((row) => row.instrumentIds));
  const snapshot: MatrixSnapshot = {
    format: MATRIX_FORMAT,
    formatVersion: MATRIX_FORMAT_VERSION,
    board: { id: input.board.id, title: input.board.title.slice(0, 300) },
    marking: boardMarkingText({
      marking: input.board.marking ?? DEFAULT_MARKING,
      releasability: input.board.releasability ?? "any",
    }).slice(0, 300),
    version: input.version,
    delegationsPresent: input.consensus.participants
      .map((delegation) => delegation.name)
      .sort((a, b) => a.localeCompare(b)),
    // Clamped to the snapshot's limits, like the rows: a long custom instrument name must not block an export.
    forum: input.consensus.forum,
    membership: input.consensus.membership.slice(0, 500).map((delegation) => ({
      code: delegation.code,
      name: delegation.name.slice(0, 200),
      standing: standingOf(delegation),
    })),
    instruments: input.instruments
      .filter((instrument) => linked.has(instrument.id))
      .map(({ id, name, owner, kind, year, reference, custom }) => ({
        id,
        name: name.slice(0, 300) || id,
        owner,
        kind: kind.slice(0, 100),
        year: Number.isInteger(year) ? year : null,
        reference: reference.slice(0, 500),
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
