/**
 * The record of a meeting (decision 022): what loaders and actions may ask of
 * it. Implemented in server/record/record-service.ts; reaches routes as
 * `context.record`. Every method checks membership itself (AccessDenied 404
 * for non-members, 403 when a non-chair tries to change a record).
 */
import type { Locale } from "./locale";
import type { ActionResult } from "./services";
import type { ExportedFile } from "./version-contract";

/** The sections of a record, in the order they are printed. */
export const RECORD_SECTIONS = ["items", "decisions", "positions", "silence", "brackets"] as const;
export type RecordSectionKey = (typeof RECORD_SECTIONS)[number];

/** Longest text of one section (characters): a long meeting's positions fit; a pasted book does not. */
export const RECORD_SECTION_MAX_CHARS = 50_000;
/** Longest record title. */
export const RECORD_TITLE_MAX_CHARS = 200;

export const RECORD_EXPORT_FORMATS = ["md", "pdf", "docx"] as const;
export type RecordExportFormat = (typeof RECORD_EXPORT_FORMATS)[number];

export interface RecordSection {
  key: RecordSectionKey;
  /** What the last generation from the board's events produced. */
  generated: string;
  /** What the record says: the generated text until the chair edits it, then the chair's. */
  text: string;
  /** The chair edited this section: regenerating keeps `text` and only refreshes `generated`. */
  edited: boolean;
}

export type RecordState = "open" | "closed" | "final";

export interface MeetingRecordSummary {
  number: number;
  title: string;
  language: Locale;
  state: RecordState;
  openedAt: string;
  openedByName: string;
  /** End of the span covered; null while the meeting is in progress. */
  closedAt: string | null;
  finalisedAt: string | null;
  finalisedByName: string | null;
}

export interface MeetingRecordView extends MeetingRecordSummary {
  boardTitle: string;
  /** The board's marking (core/markings.ts), printed at the top and bottom of every exported page and file. */
  marking: string;
  generatedAt: string;
  sections: RecordSection[];
  /** SHA-256 of the finalised record (null while a draft). */
  fingerprint: string | null;
}

/** Why a change to a record was refused (the route words it). */
type RecordProblem = "finalised" | "already-open" | "not-open";

export type RecordResult = ActionResult | { ok: false; problem: RecordProblem };

export interface MeetingRecordServices {
  /** Newest first. Members only. */
  listRecords(actorId: string, boardId: string): Promise<MeetingRecordSummary[]>;
  /** Null when no record has that number. Members only. */
  getRecord(actorId: string, boardId: string, number: number): Promise<MeetingRecordView | null>;
  /** Chair only: starts a meeting now (one open at a time); its draft is generated at once. */
  openRecord(
    actorId: string,
    boardId: string,
    raw: unknown,
  ): Promise<{ ok: true; number: number } | { ok: false; fieldErrors: Record<string, string> }>;
  /** Chair only: the meeting ends now; the draft is regenerated over the fixed span. */
  closeRecord(actorId: string, boardId: string, number: number): Promise<RecordResult>;
  /** Chair only: rebuilds every section the chair has not edited; edited ones keep the chair's text. */
  regenerate(actorId: string, boardId: string, number: number): Promise<RecordResult>;
  /** Chair only: `{ section, text }` replaces a section's text (marked edited). */
  editSection(actorId: string, boardId: string, number: number, raw: unknown): Promise<RecordResult>;
  /** Chair only: a section goes back to the generated text (no longer edited). */
  resetSection(actorId: string, boardId: string, number: number, raw: unknown): Promise<RecordResult>;
  /** Chair only: closes the meeting if open, fingerprints the record and makes it immutable. */
  finalise(actorId: string, boardId: string, number: number): Promise<RecordResult>;
  /** The record as a file, labelled in `locale`; null when no such record. Members only. */
  exportRecord(
    actorId: string,
    boardId: string,
    number: number,
    format: RecordExportFormat,
    locale: Locale,
  ): Promise<ExportedFile | null>;
}
