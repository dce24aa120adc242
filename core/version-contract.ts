/**
 * Published versions: what loaders and actions may ask of them (types only).
 * Implemented in server/versions/version-service.ts; reaches routes as
 * `context.versions`. Every method checks the actor's membership itself and
 * throws AccessDenied (404 for non-members, 403 for a role that may not).
 * There is deliberately no way to change or delete a version.
 */
/** Every format a snapshot can be exported in. */
export const EXPORT_FORMATS = ["csv", "xlsx", "json", "md", "pdf"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** One exported file, ready to download. */
export interface ExportedFile {
  body: Uint8Array;
  contentType: string;
  extension: string;
  fingerprint: string;
  /** ASCII file name that says board, version (or draft) and date. */
  fileName: string;
}

import type { Locale } from "./locale";
import type { MatrixChange } from "./matrix-diff";
import type { MatrixSnapshot, Procedure } from "./matrix-snapshot";

/** "agreed": only rows in the agreed workflow state; "all": every row of the board. */
type PublishScope = "agreed" | "all";

/** Which rows a live (DRAFT) snapshot holds. */
export type LiveRows = "agreed" | "all";

/** A version number, or the live board. */
export type SnapshotSource = number | "live";

export interface VersionSummary {
  number: number;
  title: string;
  publishedAt: string;
  publishedByName: string;
  /** Delegation code of the publisher. */
  publishedByDelegation: string;
  procedure: Procedure;
  /** SHA-256 (hex) of the stored canonical snapshot. */
  fingerprint: string;
  rowCount: number;
}

interface VersionDetail {
  summary: VersionSummary;
  snapshot: MatrixSnapshot;
  /** The stored fingerprint still matches the stored snapshot. */
  intact: boolean;
}

interface VersionDiff {
  from: SnapshotSource;
  to: SnapshotSource;
  a: MatrixSnapshot;
  b: MatrixSnapshot;
  changes: MatrixChange[];
}

/** Why a publish was refused (the route words it). */
type PublishProblem = "no-rows" | "no-agreed-rows";

type PublishResult = { ok: true; version: VersionSummary } | { ok: false; problem: PublishProblem };

export interface VersionServices {
  /** The live board as a DRAFT snapshot (version null), rows in display order. Members only. */
  buildLiveSnapshot(actorId: string, boardId: string, options?: { rows?: LiveRows }): Promise<MatrixSnapshot>;
  /** Chair only. Numbers are 1, 2, 3… per board, never reused. */
  publishVersion(
    actorId: string,
    boardId: string,
    input: { title: string; scope: PublishScope },
  ): Promise<PublishResult>;
  /** Newest first. Members only. */
  listVersions(actorId: string, boardId: string): Promise<VersionSummary[]>;
  /**
   * Null when the board has no version with that number. Members only. With `locale`, the snapshot is worded for a
   * reader in it (I18N-14: official French instrument titles, delegation names); without, as stored.
   */
  getVersion(
    actorId: string,
    boardId: string,
    number: number,
    options?: { locale?: Locale },
  ): Promise<VersionDetail | null>;
  /** A version's snapshot as published, or the live board (all rows, or agreed ones only); null when no such version. */
  getSnapshot(
    actorId: string,
    boardId: string,
    source: SnapshotSource,
    options?: { rows?: LiveRows },
  ): Promise<MatrixSnapshot | null>;
  /**
   * Changes from → to (diffSnapshots, on the snapshots as stored); null when either version does not exist. Members
   * only. With `locale`, both snapshots are worded for a reader in it, as getVersion words them.
   */
  diff(
    actorId: string,
    boardId: string,
    from: SnapshotSource,
    to: SnapshotSource,
    options?: { locale?: Locale },
  ): Promise<VersionDiff | null>;
}
