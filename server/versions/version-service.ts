/**
 * VersionServices over Prisma, the room registry (live Yjs state) and the
 * consensus reader (positions and workflow). Every method checks the actor's
 * membership; publishing is for the chair. See app/lib/version-contract.ts.
 */
import { AccessDenied } from "../../core/access-errors";
import { diffSnapshots } from "../../core/matrix-diff";
import type { MatrixSnapshot } from "../../core/matrix-snapshot";
import { requireBoardRole } from "../../core/require-board-role";
import { ROLE_CAN } from "../../core/roles";
import type { LiveRows, SnapshotSource, VersionServices, VersionSummary } from "../../core/version-contract";
import type { BoardAccessServices, BoardSummary, RemitServices } from "../../core/services";
import type { BoardEventSink } from "../consensus/board-events";
import type { BoardConsensusView } from "../consensus/consensus-types";
import type { PrismaClient } from "../db/prisma-client";
import type { BracketView } from "../../core/bracket-contract";
import { assembleSnapshot, buildSnapshot, procedureOf, snapshotRows, type SnapshotProblem } from "./snapshot-builder";
import { insertVersion, listVersionRecords, readVersionRecord } from "./version-records";
import { messageRef } from "../../core/message-ref";
import { snapshotInLanguage } from "./snapshot-language";

interface ConsensusReader {
  readBoardConsensus(boardId: string): Promise<BoardConsensusView>;
}

interface VersionServiceDeps {
  prisma: PrismaClient;
  registry: { readState(boardId: string): Promise<Uint8Array> };
  consensus: ConsensusReader;
  access: Pick<BoardAccessServices, "getAccess">;
  services: Pick<RemitServices, "listInstruments">;
  /** Tells open boards that the version list changed. */
  events?: BoardEventSink;
  now?: () => Date;
  /** The board's open brackets (decision 020), carried by live snapshots and versions of all rows. */
  brackets?: { readOpenBrackets(boardId: string): Promise<BracketView[]> };
  /** Told about rows of the live document that a snapshot had to coerce or leave out. */
  log?: (message: string) => void;
}

export function createVersionServices(deps: VersionServiceDeps): VersionServices {
  const { prisma } = deps;
  const now = deps.now ?? (() => new Date());
  const reporter = (boardId: string) => (problem: SnapshotProblem) =>
    deps.log?.(`[snapshot] board ${boardId}: row ${problem.rowId} ${problem.action} (${problem.detail})`);

  const openBrackets = async (boardId: string) => (await deps.brackets?.readOpenBrackets(boardId)) ?? [];

  async function liveSnapshot(board: BoardSummary, rows: LiveRows): Promise<MatrixSnapshot> {
    const [state, consensus, instruments, brackets] = await Promise.all([
      deps.registry.readState(board.id),
      deps.consensus.readBoardConsensus(board.id),
      deps.services.listInstruments(board.id),
      openBrackets(board.id),
    ]);
    return buildSnapshot({
      board,
      state,
      consensus,
      instruments,
      rows,
      version: null,
      brackets,
      report: reporter(board.id),
    });
  }

  async function snapshotOf(board: BoardSummary, source: SnapshotSource, rows: LiveRows = "all") {
    if (source === "live") return liveSnapshot(board, rows);
    return (await readVersionRecord(prisma, board.id, source))?.snapshot ?? null;
  }

  async function publisherOf(actorId: string) {
    const user = await prisma.user.findUnique({
      where: { id: actorId },
      select: { displayName: true, delegationCode: true },
    });
    if (!user) throw new AccessDenied(404, messageRef("serviceErrors.unknownUser"));
    return { name: user.displayName.slice(0, 200), delegation: user.delegationCode };
  }

  return {
    async buildLiveSnapshot(actorId, boardId, options = {}) {
      const { board } = await requireBoardRole(deps.access, actorId, boardId);
      return liveSnapshot(board, options.rows ?? "all");
    },

    async publishVersion(actorId, boardId, input) {
      const { board } = await requireBoardRole(deps.access, actorId, boardId, {
        may: ROLE_CAN.manageBoard,
        to: "publish versions",
      });
      const title = input.title.trim().slice(0, 300);
      const [state, consensus, instruments, publishedBy, brackets] = await Promise.all([
        deps.registry.readState(board.id),
        deps.consensus.readBoardConsensus(board.id),
        deps.services.listInstruments(board.id),
        publisherOf(actorId),
        openBrackets(board.id),
      ]);
      // The stored snapshot and the stored Yjs state come from the same read.
      const rows = snapshotRows({ state, consensus, rows: input.scope, brackets, report: reporter(board.id) });
      if (rows.length === 0) return { ok: false, problem: input.scope === "agreed" ? "no-agreed-rows" : "no-rows" };
      const procedure = procedureOf(rows, consensus);
      const publishedAt = now();
      const version: VersionSummary = await insertVersion(prisma, {
        boardId: board.id,
        publishedById: actorId,
        publishedAt,
        yjsState: state,
        snapshotFor: (number) =>
          assembleSnapshot({
            board,
            consensus,
            instruments,
            rows,
            version: { number, title, publishedAt: publishedAt.toISOString(), publishedBy, procedure },
          }),
      });
      deps.events?.(board.id, { kind: "versions" });
      return { ok: true, version };
    },

    async listVersions(actorId, boardId) {
      await requireBoardRole(deps.access, actorId, boardId);
      return listVersionRecords(prisma, boardId);
    },

    async getVersion(actorId, boardId, number, options = {}) {
      await requireBoardRole(deps.access, actorId, boardId);
      const detail = await readVersionRecord(prisma, boardId, number);
      return detail && options.locale
        ? { ...detail, snapshot: snapshotInLanguage(options.locale, detail.snapshot) }
        : detail;
    },

    async getSnapshot(actorId, boardId, source, options = {}) {
      const { board } = await requireBoardRole(deps.access, actorId, boardId);
      return snapshotOf(board, source, options.rows);
    },

    async diff(actorId, boardId, from, to, options = {}) {
      const { board } = await requireBoardRole(deps.access, actorId, boardId);
      const [a, b] = await Promise.all([snapshotOf(board, from), snapshotOf(board, to)]);
      if (!a || !b) return null;
      // Compared as stored (names as published), then worded for the reader.
      const worded = (snapshot: MatrixSnapshot) =>
        options.locale ? snapshotInLanguage(options.locale, snapshot) : snapshot;
      return { from, to, a: worded(a), b: worded(b), changes: diffSnapshots(a, b) };
    },
  };
}
