/**
 * What every export (CSV, XLSX, JSON, Markdown, PDF) and every diff is made
 * from: a frozen picture of one board, either an agreed version or the live
 * board (version null → the export says DRAFT). Shared by browser and server,
 * so it imports only zod and the board document module.
 */
import * as z from "./zod";
import { ThreatRowSchema } from "./board-doc";
import { BRACKET_FIELDS, BracketValueSchema, MAX_ALTERNATIVES_PER_BRACKET } from "./bracket-contract";
import { BOARD_FORUMS, INSTRUMENT_OWNERS } from "./domain";
import { DELEGATION_STANDINGS } from "./forums";

export const MATRIX_FORMAT = "remit-matrix";
export const MATRIX_FORMAT_VERSION = 1;

const PROCEDURES = ["consensus", "silence", "chair-declared", "none"] as const;
export const WORKFLOW_STATES = ["draft", "proposed", "agreed"] as const;
export const POSITION_KINDS = ["support", "support-ad-referendum", "abstain", "reserve", "object"] as const;
export const SNAPSHOT_INSTRUMENT_OWNERS = INSTRUMENT_OWNERS;

export type Procedure = (typeof PROCEDURES)[number];
export type WorkflowState = (typeof WORKFLOW_STATES)[number];
export type PositionKind = (typeof POSITION_KINDS)[number];

// Offsets allowed so a timestamp written by another system still validates.
const IsoDateTime = z.iso.datetime({ offset: true });

const DelegationPositionSchema = z.object({
  delegation: z.string().min(1).max(16),
  delegationName: z.string().max(200),
  position: z.enum(POSITION_KINDS),
  /** Reservation text (reserve, ad referendum) or objection reason. */
  text: z.string().max(10_000).nullable(),
  recordedBy: z.string().max(200),
  recordedAt: IsoDateTime,
});
export type DelegationPosition = z.infer<typeof DelegationPositionSchema>;

const SnapshotInstrumentSchema = z.object({
  id: z.string().min(1).max(100),
  name: z.string().min(1).max(300),
  owner: z.enum(SNAPSHOT_INSTRUMENT_OWNERS),
  kind: z.string().max(100),
  year: z.number().int().nullable(),
  reference: z.string().max(500),
  custom: z.boolean(),
});
export type SnapshotInstrument = z.infer<typeof SnapshotInstrumentSchema>;

/**
 * An open bracket of the row (decision 020): the row's own value is its first side; these are the others, each
 * with the codes of its sponsoring delegations.
 */
const SnapshotBracketSchema = z.object({
  field: z.enum(BRACKET_FIELDS),
  alternatives: z
    .array(z.object({ value: BracketValueSchema, sponsors: z.array(z.string().min(1).max(16)).max(100) }))
    .min(1)
    .max(MAX_ALTERNATIVES_PER_BRACKET),
});

// safeExtend keeps ThreatRowSchema's "lead exactly when Shared" refinement.
export const SnapshotRowSchema = ThreatRowSchema.safeExtend({
  workflowState: z.enum(WORKFLOW_STATES),
  positions: z.array(DelegationPositionSchema),
  /** Absent when the row has no open bracket (snapshots made before brackets existed have none). */
  brackets: z.array(SnapshotBracketSchema).max(BRACKET_FIELDS.length).optional(),
});
export type SnapshotRow = z.infer<typeof SnapshotRowSchema>;

export const SnapshotVersionSchema = z.object({
  number: z.number().int().positive(),
  title: z.string().max(300),
  publishedAt: IsoDateTime,
  publishedBy: z.object({ name: z.string().max(200), delegation: z.string().max(200) }),
  procedure: z.enum(PROCEDURES),
});
export type SnapshotVersion = z.infer<typeof SnapshotVersionSchema>;

export const MatrixSnapshotSchema = z.object({
  format: z.literal(MATRIX_FORMAT),
  formatVersion: z.literal(MATRIX_FORMAT_VERSION),
  board: z.object({ id: z.string().min(1), title: z.string().max(300) }),
  /**
   * The board's marking when the snapshot was taken ("RELEASABLE TO <list>" already filled): a version keeps
   * the marking it was published under. Absent in versions published before markings existed (read as PUBLIC).
   */
  marking: z.string().min(1).max(300).optional(),
  /** null = the live board: every export marks it DRAFT. */
  version: SnapshotVersionSchema.nullable(),
  delegationsPresent: z.array(z.string()),
  /** The forum the board was held in (decision 018); absent in versions published before forums existed. */
  forum: z.enum(BOARD_FORUMS).optional(),
  /** Every member delegation with its standing; absent in versions published before forums existed. */
  membership: z
    .array(
      z.object({
        code: z.string().min(1).max(16),
        name: z.string().max(200),
        standing: z.enum(DELEGATION_STANDINGS),
      }),
    )
    .max(500)
    .optional(),
  instruments: z.array(SnapshotInstrumentSchema),
  /** In display order; the order is part of the fingerprint. */
  rows: z.array(SnapshotRowSchema),
});
export type MatrixSnapshot = z.infer<typeof MatrixSnapshotSchema>;

/**
 * JSON with object keys sorted (by UTF-16 code unit, like RFC 8785) and no
 * whitespace, so the same data always gives the same bytes and therefore the
 * same fingerprint, whichever order the producer built the objects in.
 * undefined members are dropped, as JSON.stringify does.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value) ?? "null";
  // Dates and the like serialise as JSON.stringify would.
  const withToJson = value as { toJSON?: () => unknown };
  if (typeof withToJson.toJSON === "function") return canonicalJson(withToJson.toJSON());
  if (Array.isArray(value)) return "[" + value.map((item) => canonicalJson(item ?? null)).join(",") + "]";
  const record = value as Record<string, unknown>;
  const members = Object.keys(record)
    .filter((key) => record[key] !== undefined && typeof record[key] !== "function")
    .sort()
    .map((key) => JSON.stringify(key) + ":" + canonicalJson(record[key]));
  return "{" + members.join(",") + "}";
}
