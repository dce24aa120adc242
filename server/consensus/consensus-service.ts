/**
 * National positions and the agreement workflow of rows, enforced here:
 * draft → proposed (optionally under silence procedure) → agreed; an
 * objection or an edit sends a proposed row back to draft; agreed rows are
 * locked until the chair reopens them.
 */
import * as z from "zod";
import { AccessDenied } from "../../core/access-errors";
import { requireBoardRole } from "../../core/require-board-role";
import { guardedAction } from "../guarded-action";
import { computeOrganisationConsensus, POSITION_VALUES, type PositionValue } from "../../core/consensus";
import {
  isMemberOf,
  mayRecordPositions,
  organisationsForRow,
  parseForum,
  positionRefusal,
  type PositionRefusal,
} from "../../core/forums";
import { BOARD_FORUMS, type BoardForum, type DelegationInfo } from "../../core/domain";
import type {
  AdoptionProcedure,
  BoardConsensusJson,
  BoardConsensusView,
  PositionRecord,
  RowConsensusView,
  RowWorkflowState,
} from "../../core/consensus-contract";
import { ROLE_CAN } from "../../core/roles";
import type { ActionResult, BoardAccessServices } from "../../core/services";
import { addActivityEntry } from "../db/activity-log";
import type { PrismaClient } from "../db/prisma-client";
import type { BoardEventSink } from "./board-events";
import type { Clock } from "./clock";
import { rowContentHash, rowFingerprints, type ReadLiveRow, type ReadLiveRows } from "./row-content";
import { SilenceScheduler } from "./silence-scheduler";
import { storableTitle } from "../db/storable-text";
import { delegationInfoSelect, toDelegationInfo } from "../db/delegation-info";
import { messageRef, type MessageRef } from "../../core/message-ref";

const RecordPositionSchema = z
  .object({
    rowId: z.string().min(1).max(64),
    position: z.enum(POSITION_VALUES),
    text: z
      .string()
      .trim()
      .max(2000, messageRef("forms.tooLong", { max: 2000 }))
      .optional()
      .default(""),
    /** Optional: when given it must be the actor's own delegation. */
    delegationCode: z.string().max(16).optional(),
  })
  .refine((input) => !(input.position === "reserve" || input.position === "object") || input.text.length > 0, {
    message: messageRef("positions.textRequired"),
    path: ["text"],
  });

const ProposeSchema = z.discriminatedUnion("procedure", [
  z.object({ rowId: z.string().min(1).max(64), procedure: z.literal("consensus") }),
  z.object({
    rowId: z.string().min(1).max(64),
    procedure: z.literal("silence"),
    silenceDeadline: z.iso.datetime({ offset: true }),
  }),
]);

const ChangeForumSchema = z.object({ forum: z.enum(BOARD_FORUMS) });

/** Why the server refuses a position (403): said plainly, since the delegate may not know the rule. */
const REFUSALS: Record<PositionRefusal, (forum: BoardForum) => MessageRef> = {
  institution: () => messageRef("serviceErrors.institutionNoPosition"),
  partner: () => messageRef("serviceErrors.partnerNoPosition"),
  "outside-forum": (forum) =>
    forum === "nato" ? messageRef("serviceErrors.natoForumOnly") : messageRef("serviceErrors.euForumOnly"),
};

export type { ActionResult } from "../../core/services";

interface ConsensusDeps {
  prisma: PrismaClient;
  access: BoardAccessServices;
  readLiveRow: ReadLiveRow;
  /** Every row, for the fingerprints positions are compared with (one read per consensus view). */
  readLiveRows: ReadLiveRows;
  events: BoardEventSink;
  clock: Clock;
  log: (message: string, error?: unknown) => void;
  /** Whether the row has an open bracket (decision 020): such a row can be neither proposed nor agreed. */
  openBrackets?: (boardId: string, rowId: string) => Promise<boolean>;
}

const workflowSelect = {
  rowId: true,
  state: true,
  procedure: true,
  proposedAt: true,
  silenceDeadline: true,
  agreedAt: true,
  brokenByDelegation: true,
  contentHash: true,
} as const;

const positionSelect = {
  rowId: true,
  delegationCode: true,
  position: true,
  text: true,
  recordedByName: true,
  contentHash: true,
  createdAt: true,
} as const;

/** How long edits to a row with positions are gathered before clients are told to re-read them. */
const STALE_NOTICE_DELAY_MS = 500;

/** Built through this factory from one deps object, like every service (decision 025). */
export function createConsensusService(deps: ConsensusDeps): ConsensusService {
  return new ConsensusService(deps);
}

/** "Blocked by France, Poland" as a ref; no one named means no delegation takes part yet. */
const waitingRef = (key: "workflow.blockedBy" | "workflow.waitingFor", names: readonly string[]) =>
  names.length > 0 ? messageRef(key, { names: names.join(", ") }) : messageRef("workflow.noOneYet");

export class ConsensusService {
  private readonly agreed = new Map<string, Set<string>>();
  private readonly proposed = new Map<string, Set<string>>();
  /** Rows that have positions, per board: an edit to one may turn its positions into "given on an earlier text". */
  private readonly rowsWithPositions = new Map<string, Set<string>>();
  private readonly staleNotices = new Map<string, { rows: Set<string>; timer: ReturnType<typeof setTimeout> }>();
  private readonly scheduler: SilenceScheduler;

  constructor(private readonly deps: ConsensusDeps) {
    this.scheduler = new SilenceScheduler(
      deps.clock,
      (boardId, rowId) => this.onSilenceDeadline(boardId, rowId),
      deps.log,
    );
  }

  /** Loads row states and re-arms silence deadlines (overdue ones fire at once). */
  async start(): Promise<void> {
    const rows = await this.deps.prisma.rowWorkflow.findMany({
      where: { state: { in: ["proposed", "agreed"] } },
      select: { boardId: true, rowId: true, state: true, procedure: true, silenceDeadline: true },
    });
    for (const row of rows) {
      this.cache(row.boardId, row.rowId, row.state as RowWorkflowState);
      if (row.state === "proposed" && row.procedure === "silence" && row.silenceDeadline) {
        this.scheduler.schedule(row.boardId, row.rowId, row.silenceDeadline);
      }
    }
  }

  stop(): void {
    this.scheduler.stop();
    for (const pending of this.staleNotices.values()) clearTimeout(pending.timer);
    this.staleNotices.clear();
  }

  /**
   * Another instance changed a row's workflow (its `workflow` event came through the cluster bus): re-read
   * it, so the agreed-rows lock and the silence timer here match the database.
   */
  async refreshRow(boardId: string, rowId: string): Promise<void> {
    const row = await this.deps.prisma.rowWorkflow.findUnique({
      where: { boardId_rowId: { boardId, rowId } },
      select: { state: true, procedure: true, silenceDeadline: true },
    });
    const state = (row?.state as RowWorkflowState | undefined) ?? "draft";
    this.cache(boardId, rowId, state);
    if (state === "proposed" && row?.procedure === "silence" && row.silenceDeadline)
      this.scheduler.schedule(boardId, rowId, row.silenceDeadline);
    else this.scheduler.cancel(boardId, rowId);
  }

  /** Re-reads every row state (after the cluster bus was down and events may have been lost). */
  async refreshAll(): Promise<void> {
    this.scheduler.stop();
    this.agreed.clear();
    this.proposed.clear();
    await this.start();
  }

  /** Agreed rows of a board (read on every update by the collaboration server: in memory). */
  lockedRows(boardId: string): ReadonlySet<string> {
    return this.agreed.get(boardId) ?? new Set();
  }

  async readBoardConsensus(boardId: string): Promise<BoardConsensusView> {
    const { prisma } = this.deps;
    const [board, members, positions, workflows] = await Promise.all([
      prisma.board.findUnique({ where: { id: boardId }, select: { forum: true } }),
      prisma.boardMember.findMany({
        where: { boardId },
        select: {
          role: true,
          user: {
            select: { delegation: { select: delegationInfoSelect } },
          },
        },
      }),
      prisma.position.findMany({ where: { boardId }, select: positionSelect, orderBy: { id: "asc" } }),
      prisma.rowWorkflow.findMany({ where: { boardId }, select: workflowSelect }),
    ]);
    const forum = parseForum(board?.forum);
    const liveRows = await this.deps.readLiveRows(boardId);
    const fingerprints = rowFingerprints(liveRows);
    const responsibilities = new Map(liveRows.map((row) => [row.id, row.responsibility]));
    this.rowsWithPositions.set(boardId, new Set(positions.map((position) => position.rowId)));
    // Participants: the members' delegations the forum lets record positions (decision 018).
    const byName = (a: DelegationInfo, b: DelegationInfo) => a.name.localeCompare(b.name);
    const unique = (list: DelegationInfo[]) => [...new Map(list.map((d) => [d.code, d])).values()].sort(byName);
    const membership = unique(members.map((m) => toDelegationInfo(m.user.delegation)));
    // Observers hold no position (CONSENSUS-1).
    const delegations = members
      .filter((m) => m.role === "chair" || m.role === "delegate")
      .map((m) => toDelegationInfo(m.user.delegation))
      .filter((delegation) => mayRecordPositions(forum, delegation));
    const participants = unique(delegations);
    const latest = new Map<string, Map<string, PositionRecord>>();
    for (const record of await this.toPositionRecords(positions, fingerprints)) {
      const row = latest.get(record.rowId) ?? new Map<string, PositionRecord>();
      row.set(record.delegationCode, record);
      latest.set(record.rowId, row);
    }
    const view = (rowId: string): RowConsensusView => {
      const workflow = workflows.find((w) => w.rowId === rowId);
      const rowPositions = latest.get(rowId) ?? new Map<string, PositionRecord>();
      // Only positions given on the row's current text count (decision 015): an earlier one waits for renewal.
      // On a joint board each organisation the row needs counts its own members (decision 018).
      const counted = computeOrganisationConsensus(
        organisationsForRow(forum, responsibilities.get(rowId)),
        participants,
        new Map(
          [...rowPositions].filter(([, record]) => record.current).map(([code, record]) => [code, record.position]),
        ),
      );
      return {
        rowId,
        workflow: {
          state: (workflow?.state as RowWorkflowState) ?? "draft",
          procedure: (workflow?.procedure as AdoptionProcedure | null) ?? null,
          proposedAt: workflow?.proposedAt?.toISOString() ?? null,
          silenceDeadline: workflow?.silenceDeadline?.toISOString() ?? null,
          agreedAt: workflow?.agreedAt?.toISOString() ?? null,
          brokenByDelegation: workflow?.brokenByDelegation ?? null,
        },
        positions: [...rowPositions.values()].sort((a, b) => a.delegationName.localeCompare(b.delegationName)),
        consensus: counted.overall,
        organisations: counted.organisations,
      };
    };
    const rows = new Map<string, RowConsensusView>();
    for (const rowId of new Set([...latest.keys(), ...workflows.map((w) => w.rowId)])) rows.set(rowId, view(rowId));
    return { forum, membership, participants, rows, emptyRow: view };
  }

  /** The consensus view for a member, JSON-friendly for loaders. */
  async getBoardConsensus(actorId: string, boardId: string): Promise<BoardConsensusJson> {
    await requireBoardRole(this.deps.access, actorId, boardId);
    const view = await this.readBoardConsensus(boardId);
    return { forum: view.forum, participants: view.participants, rows: Object.fromEntries(view.rows) };
  }

  async positionHistory(actorId: string, boardId: string, rowId: string): Promise<PositionRecord[]> {
    await requireBoardRole(this.deps.access, actorId, boardId);
    const rows = await this.deps.prisma.position.findMany({
      where: { boardId, rowId },
      select: positionSelect,
      orderBy: { id: "desc" },
    });
    return this.toPositionRecords(rows, rowFingerprints(await this.deps.readLiveRows(boardId)));
  }

  private async toPositionRecords(
    rows: {
      rowId: string;
      delegationCode: string;
      position: string;
      text: string | null;
      recordedByName: string;
      contentHash: string | null;
      createdAt: Date;
    }[],
    fingerprints: ReadonlyMap<string, string>,
  ): Promise<PositionRecord[]> {
    const names = await this.delegationNames(rows.map((row) => row.delegationCode));
    return rows.map((row) => ({
      rowId: row.rowId,
      delegationCode: row.delegationCode,
      delegationName: names.get(row.delegationCode) ?? row.delegationCode,
      position: row.position as PositionValue,
      text: row.text,
      recordedByName: row.recordedByName,
      recordedAt: row.createdAt.toISOString(),
      // Positions recorded before fingerprints existed (null) are taken as given on the current text.
      current: row.contentHash === null || row.contentHash === fingerprints.get(row.rowId),
    }));
  }

  /** Records the actor's delegation's position; an objection to a proposed row sends it back to draft. */
  async recordPosition(actorId: string, boardId: string, raw: unknown): Promise<ActionResult> {
    const parsed = await guardedAction(
      {
        access: this.deps.access,
        actorId,
        boardId,
        rule: { may: ROLE_CAN.edit, to: "record positions", change: true },
      },
      RecordPositionSchema,
      raw,
    );
    if (!parsed.ok) return parsed;
    const input = parsed.data;
    const actor = await this.actor(actorId);
    if (input.delegationCode && input.delegationCode !== actor.delegationCode) {
      throw new AccessDenied(403, messageRef("serviceErrors.ownPositionOnly"));
    }
    // Institutions and partners take no national positions (decisions 003, 018); the forum says who does.
    const forum = await this.forumOf(boardId);
    const refusal = positionRefusal(forum, actor);
    if (refusal) throw new AccessDenied(403, REFUSALS[refusal](forum));
    const row = await this.deps.readLiveRow(boardId, input.rowId);
    if (!row) return { ok: false, fieldErrors: { rowId: messageRef("serviceErrors.rowMissing") } };
    if (this.agreed.get(boardId)?.has(input.rowId))
      return { ok: false, fieldErrors: { position: messageRef("serviceErrors.rowLocked") } };
    const { prisma } = this.deps;
    // One transaction: the position and its activity entry are both stored, or neither (an answer of 500
    // must never leave a position behind). The position keeps the fingerprint of the text it was given on.
    await prisma.$transaction([
      prisma.position.create({
        data: {
          boardId,
          rowId: input.rowId,
          delegationCode: actor.delegationCode,
          position: input.position,
          text: input.text || null,
          recordedById: actorId,
          recordedByName: actor.name,
          contentHash: rowContentHash(row),
          createdAt: new Date(this.deps.clock.now()),
        },
        select: { id: true },
      }),
      addActivityEntry(
        prisma,
        this.activityData(boardId, actor, "position-recorded", input.rowId, row.title, {
          position: input.position,
          text: input.text || null,
        }),
      ),
    ]);
    // Only an objection that counts for the row breaks silence: Austria's on a NATO row of a joint board does not.
    const counts = organisationsForRow(forum, row.responsibility).some((org) => isMemberOf(actor, org));
    if (input.position === "object" && counts && this.proposed.get(boardId)?.has(input.rowId)) {
      await this.toDraft(boardId, input.rowId, actor.delegationCode);
      await this.activity(boardId, actor, "silence-broken", input.rowId, row.title, {});
    }
    this.rowsOf(this.rowsWithPositions, boardId).add(input.rowId);
    this.deps.events(boardId, { kind: "positions", rowId: input.rowId });
    return { ok: true };
  }

  /**
   * The chair changes the board's forum, only while no position has been recorded (positions were given
   * under the old rules of who speaks); the change is written to the activity log.
   */
  async changeForum(actorId: string, boardId: string, raw: unknown): Promise<ActionResult> {
    const parsed = await guardedAction(
      {
        access: this.deps.access,
        actorId,
        boardId,
        rule: { may: ROLE_CAN.manageBoard, to: "change the forum", change: true },
      },
      ChangeForumSchema,
      raw,
    );
    if (!parsed.ok) return parsed;
    const from = await this.forumOf(boardId);
    const to = parsed.data.forum;
    if (from === to) return { ok: true };
    const actor = await this.actor(actorId);
    // Conditional on "no position yet", in the same statement, so a position recorded meanwhile wins; the
    // activity entry is stored with the change or not at all.
    const changed = await this.deps.prisma.$transaction(async (tx) => {
      const updated = await tx.board.updateMany({
        where: { id: boardId, positions: { none: {} } },
        data: { forum: to },
      });
      if (updated.count === 0) return false;
      await addActivityEntry(tx, {
        ...this.activityData(boardId, actor, "forum-changed", "", null, { from, to }),
        rowId: null,
      });
      return true;
    });
    if (!changed) return { ok: false, fieldErrors: { forum: messageRef("forums.locked") } };
    this.deps.events(boardId, { kind: "workflow" });
    return { ok: true };
  }

  private async forumOf(boardId: string): Promise<BoardForum> {
    const board = await this.deps.prisma.board.findUnique({ where: { id: boardId }, select: { forum: true } });
    return parseForum(board?.forum);
  }

  async propose(actorId: string, boardId: string, raw: unknown): Promise<ActionResult> {
    const parsed = await guardedAction(
      {
        access: this.deps.access,
        actorId,
        boardId,
        rule: { may: ROLE_CAN.manageBoard, to: "propose agreement", change: true },
      },
      ProposeSchema,
      raw,
    );
    if (!parsed.ok) return parsed;
    const input = parsed.data;
    const row = await this.deps.readLiveRow(boardId, input.rowId);
    if (!row) return { ok: false, fieldErrors: { rowId: messageRef("serviceErrors.rowMissing") } };
    if (this.agreed.get(boardId)?.has(input.rowId))
      return { ok: false, fieldErrors: { rowId: messageRef("serviceErrors.rowAlreadyAgreed") } };
    if (await this.deps.openBrackets?.(boardId, input.rowId))
      return { ok: false, fieldErrors: { rowId: messageRef("brackets.blocksProposal") } };
    const now = new Date(this.deps.clock.now());
    const deadline = input.procedure === "silence" ? new Date(input.silenceDeadline) : null;
    if (deadline && deadline.getTime() <= now.getTime())
      return { ok: false, fieldErrors: { silenceDeadline: messageRef("serviceErrors.deadlinePast") } };
    const data = {
      state: "proposed",
      procedure: input.procedure,
      proposedAt: now,
      proposedById: actorId,
      silenceDeadline: deadline,
      contentHash: rowContentHash(row),
      agreedAt: null,
      brokenByDelegation: null,
    };
    await this.deps.prisma.rowWorkflow.upsert({
      where: { boardId_rowId: { boardId, rowId: input.rowId } },
      create: { boardId, rowId: input.rowId, ...data },
      update: data,
      select: { rowId: true },
    });
    this.cache(boardId, input.rowId, "proposed");
    if (deadline) this.scheduler.schedule(boardId, input.rowId, deadline);
    else this.scheduler.cancel(boardId, input.rowId);
    const actor = await this.actor(actorId);
    await this.activity(boardId, actor, "row-proposed", input.rowId, row.title, {
      procedure: input.procedure,
      deadline: deadline?.toISOString() ?? null,
    });
    this.deps.events(boardId, { kind: "workflow", rowId: input.rowId });
    return { ok: true };
  }

  /** The chair declares agreement, allowed only when every participant has spoken and nobody objects. */
  async declareAgreed(actorId: string, boardId: string, rowId: string): Promise<ActionResult> {
    await requireBoardRole(this.deps.access, actorId, boardId, {
      may: ROLE_CAN.manageBoard,
      to: "declare agreement",
      change: true,
    });
    const row = await this.deps.readLiveRow(boardId, rowId);
    if (!row) return { ok: false, fieldErrors: { rowId: messageRef("serviceErrors.rowMissing") } };
    const board = await this.readBoardConsensus(boardId);
    const view = board.rows.get(rowId) ?? board.emptyRow(rowId);
    // Only a proposed row: the chair proposes first (everyone sees the text that is on the table).
    if (view.workflow.state !== "proposed")
      return { ok: false, fieldErrors: { rowId: messageRef("workflow.proposeFirst") } };
    if (await this.deps.openBrackets?.(boardId, rowId))
      return { ok: false, fieldErrors: { rowId: messageRef("brackets.blocksAgreement") } };
    const { consensus } = view;
    if (consensus.state === "blocked")
      return { ok: false, fieldErrors: { rowId: waitingRef("workflow.blockedBy", consensus.objecting) } };
    if (consensus.state === "pending")
      return { ok: false, fieldErrors: { rowId: waitingRef("workflow.waitingFor", consensus.pending) } };
    const entry = this.activityData(boardId, await this.actor(actorId), "row-agreed", rowId, row.title, {
      procedure: "consensus",
    });
    await this.toAgreed(boardId, rowId, "consensus", rowContentHash(row), entry);
    return { ok: true };
  }

  async reopen(actorId: string, boardId: string, rowId: string): Promise<ActionResult> {
    await requireBoardRole(this.deps.access, actorId, boardId, {
      may: ROLE_CAN.manageBoard,
      to: "reopen rows",
      change: true,
    });
    if (!this.agreed.get(boardId)?.has(rowId) && !this.proposed.get(boardId)?.has(rowId))
      return { ok: false, fieldErrors: { rowId: messageRef("serviceErrors.rowNotProposed") } };
    await this.toDraft(boardId, rowId, null);
    const row = await this.deps.readLiveRow(boardId, rowId);
    await this.activity(boardId, await this.actor(actorId), "row-reopened", rowId, row?.title ?? null, {});
    return { ok: true };
  }

  /** The row's workflow state as this instance holds it (brackets refuse agreed rows, decision 020). */
  workflowState(boardId: string, rowId: string): RowWorkflowState {
    if (this.agreed.get(boardId)?.has(rowId)) return "agreed";
    return this.proposed.get(boardId)?.has(rowId) ? "proposed" : "draft";
  }

  /** A proposed row goes back to draft because its text is in dispute again (a bracket was opened on it). */
  async returnToDraft(boardId: string, rowId: string, reason: string): Promise<boolean> {
    if (!this.proposed.get(boardId)?.has(rowId)) return false;
    await this.toDraft(boardId, rowId, null);
    await addActivityEntry(this.deps.prisma, {
      boardId,
      actorName: "Remit",
      kind: "row-back-to-draft",
      rowId,
      detail: JSON.stringify({ reason }),
    });
    return true;
  }

  /**
   * Called for each accepted edit. A proposed row whose text (fingerprint) changed goes back to draft; a
   * notes-only edit leaves it proposed. Rows with positions: clients are told to re-read them (shortly, once
   * per burst of typing), since positions given on the earlier text no longer count.
   */
  onRowsEdited(boardId: string, rowIds: string[]): void {
    const proposed = this.proposed.get(boardId);
    const withPositions = this.rowsWithPositions.get(boardId);
    for (const rowId of new Set(rowIds)) {
      if (withPositions?.has(rowId)) this.noticeStale(boardId, rowId);
      if (!proposed?.has(rowId)) continue;
      this.backToDraftIfChanged(boardId, rowId).catch((error) =>
        this.deps.log(`board ${boardId}: could not reset ${rowId} to draft`, error),
      );
    }
  }

  private noticeStale(boardId: string, rowId: string): void {
    const pending = this.staleNotices.get(boardId);
    if (pending) return void pending.rows.add(rowId);
    const rows = new Set([rowId]);
    const timer = setTimeout(() => {
      this.staleNotices.delete(boardId);
      for (const row of rows) this.deps.events(boardId, { kind: "positions", rowId: row });
    }, STALE_NOTICE_DELAY_MS);
    timer.unref?.();
    this.staleNotices.set(boardId, { rows, timer });
  }

  private async backToDraftIfChanged(boardId: string, rowId: string): Promise<void> {
    const [workflow, row] = await Promise.all([
      this.deps.prisma.rowWorkflow.findUnique({
        where: { boardId_rowId: { boardId, rowId } },
        select: { state: true, contentHash: true },
      }),
      this.deps.readLiveRow(boardId, rowId),
    ]);
    if (workflow?.state !== "proposed") return;
    if (row && rowContentHash(row) === workflow.contentHash) return;
    await this.toDraft(boardId, rowId, null);
    await addActivityEntry(this.deps.prisma, {
      boardId,
      actorName: "Remit",
      kind: "row-back-to-draft",
      rowId,
      detail: JSON.stringify({ reason: "edited" }),
    });
  }

  /**
   * An archived board is read-only: nobody can object, so a silence deadline must not adopt anything there
   * (onSilenceDeadline checks). When the board comes back, a deadline that passed while it was archived
   * sends its row back to draft: the chair proposes again with a deadline delegations can actually meet.
   */
  onBoardArchived(boardId: string, archived: boolean): void {
    if (archived) return;
    const proposed = [...(this.proposed.get(boardId) ?? [])];
    if (proposed.length === 0) return;
    void this.deps.prisma.rowWorkflow
      .findMany({
        where: {
          boardId,
          rowId: { in: proposed },
          state: "proposed",
          procedure: "silence",
          silenceDeadline: { lte: new Date(this.deps.clock.now()) },
        },
        select: { rowId: true },
      })
      .then((rows) => Promise.all(rows.map((row) => this.toDraft(boardId, row.rowId, null))))
      .catch((error) => this.deps.log(`board ${boardId}: could not settle silence deadlines after restore`, error));
  }

  private async onSilenceDeadline(boardId: string, rowId: string): Promise<void> {
    const board = await this.deps.prisma.board.findUnique({ where: { id: boardId }, select: { archivedAt: true } });
    if (!board || board.archivedAt) return;
    const workflow = await this.deps.prisma.rowWorkflow.findUnique({
      where: { boardId_rowId: { boardId, rowId } },
      select: workflowSelect,
    });
    if (!workflow || workflow.state !== "proposed" || workflow.procedure !== "silence" || !workflow.silenceDeadline)
      return;
    if (workflow.silenceDeadline.getTime() > this.deps.clock.now()) return;
    const row = await this.deps.readLiveRow(boardId, rowId);
    // Safety net for edits the live hook could not see (e.g. made while the server was down).
    if (!row || rowContentHash(row) !== workflow.contentHash) return this.toDraft(boardId, rowId, null);
    if (await this.deps.openBrackets?.(boardId, rowId)) return this.toDraft(boardId, rowId, null);
    const consensus = (await this.readBoardConsensus(boardId)).emptyRow(rowId).consensus;
    if (consensus.state === "blocked") return this.toDraft(boardId, rowId, consensus.objecting[0] ?? null);
    // Conditional, so only one adoption happens even if two timers (or instances) fire for this deadline: a
    // second claim waits for the first one's row lock, then matches nothing. The entry is committed with the claim
    // (CONSENSUS-40), and only then is the row locked here and announced to the other instances.
    const adopted = await this.deps.prisma.$transaction(async (tx) => {
      const claimed = await tx.rowWorkflow.updateMany({
        where: { boardId, rowId, state: "proposed", procedure: "silence", silenceDeadline: workflow.silenceDeadline },
        data: { state: "agreed", agreedAt: new Date(this.deps.clock.now()), silenceDeadline: null },
      });
      if (claimed.count === 0) return false;
      await addActivityEntry(tx, {
        boardId,
        actorName: "Remit",
        kind: "row-agreed",
        rowId,
        rowTitle: storableTitle(row.title),
        detail: JSON.stringify({ procedure: "silence" }),
      });
      return true;
    });
    if (!adopted) return;
    this.cache(boardId, rowId, "agreed");
    this.deps.events(boardId, { kind: "workflow", rowId });
  }

  private async toAgreed(
    boardId: string,
    rowId: string,
    procedure: AdoptionProcedure,
    contentHash: string | null,
    entry: ReturnType<ConsensusService["activityData"]>,
  ): Promise<void> {
    const data = {
      state: "agreed",
      procedure,
      agreedAt: new Date(this.deps.clock.now()),
      contentHash,
      silenceDeadline: null,
    };
    const { prisma } = this.deps;
    // With its entry, before the lock and the event (CONSENSUS-40).
    await prisma.$transaction([
      prisma.rowWorkflow.upsert({
        where: { boardId_rowId: { boardId, rowId } },
        create: { boardId, rowId, ...data },
        update: data,
        select: { rowId: true },
      }),
      addActivityEntry(prisma, entry),
    ]);
    this.scheduler.cancel(boardId, rowId);
    this.cache(boardId, rowId, "agreed");
    this.deps.events(boardId, { kind: "workflow", rowId });
  }

  private async toDraft(boardId: string, rowId: string, brokenByDelegation: string | null): Promise<void> {
    const data = {
      state: "draft",
      silenceDeadline: null,
      agreedAt: null,
      ...(brokenByDelegation ? { brokenByDelegation } : {}),
    };
    await this.deps.prisma.rowWorkflow.upsert({
      where: { boardId_rowId: { boardId, rowId } },
      create: { boardId, rowId, ...data },
      update: data,
      select: { rowId: true },
    });
    this.scheduler.cancel(boardId, rowId);
    this.cache(boardId, rowId, "draft");
    this.deps.events(boardId, { kind: "workflow", rowId });
  }

  private rowsOf(map: Map<string, Set<string>>, boardId: string): Set<string> {
    let rows = map.get(boardId);
    if (!rows) map.set(boardId, (rows = new Set()));
    return rows;
  }

  private cache(boardId: string, rowId: string, state: RowWorkflowState): void {
    for (const [map, mapState] of [
      [this.agreed, "agreed"],
      [this.proposed, "proposed"],
    ] as const) {
      const set = map.get(boardId) ?? new Set<string>();
      if (state === mapState) set.add(rowId);
      else set.delete(rowId);
      map.set(boardId, set);
    }
  }

  private async actor(userId: string) {
    const user = await this.deps.prisma.user.findUniqueOrThrow({
      where: { id: userId },
      select: { displayName: true, delegation: { select: delegationInfoSelect } },
    });
    const delegation = toDelegationInfo(user.delegation);
    return {
      userId,
      name: user.displayName,
      delegationCode: delegation.code,
      delegationName: delegation.name,
      nato: delegation.nato,
      eu: delegation.eu,
      partner: delegation.partner,
      institution: delegation.institution,
    };
  }

  private async delegationNames(codes: string[]): Promise<Map<string, string>> {
    const rows = await this.deps.prisma.delegation.findMany({
      where: { code: { in: [...new Set(codes)] } },
      select: { code: true, name: true },
    });
    return new Map(rows.map((row) => [row.code, row.name]));
  }

  private activityData(
    boardId: string,
    actor: Awaited<ReturnType<ConsensusService["actor"]>>,
    kind: string,
    rowId: string,
    rowTitle: string | null,
    detail: Record<string, string | null>,
  ) {
    return {
      boardId,
      actorId: actor.userId,
      actorName: actor.name,
      delegationCode: actor.delegationCode,
      delegationName: actor.delegationName,
      kind,
      rowId,
      rowTitle: storableTitle(rowTitle),
      detail: JSON.stringify(detail),
    };
  }

  private async activity(...args: Parameters<ConsensusService["activityData"]>) {
    await addActivityEntry(this.deps.prisma, this.activityData(...args));
  }
}
