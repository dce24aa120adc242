/**
 * Comments on rows. Author and delegation come from the session, never from
 * the request; bodies are stored as typed and rendered as plain text.
 */
import { storableTitle } from "../db/storable-text";
import { randomUUID } from "node:crypto";
import * as z from "zod";
import { AccessDenied } from "../../core/access-errors";
import { requireBoardRole } from "../../core/require-board-role";
import { guardedAction } from "../guarded-action";
import { COMMENT_CELLS, type CommentCell, type CommentsOverview } from "../../core/consensus-contract";
import { ROLE_CAN } from "../../core/roles";
import type { BoardAccessServices } from "../../core/services";
import { addActivityEntry } from "../db/activity-log";
import type { PrismaClient } from "../db/prisma-client";
import type { BoardEventSink } from "./board-events";
import type { ReadLiveRow } from "./row-content";
import type { ActionResult } from "../../core/services";
import { messageRef } from "../../core/message-ref";
import { mentionedUsers } from "./mentioned-users";

const Body = z
  .string()
  .trim()
  .min(1, messageRef("comments.bodyRequired"))
  .max(5000, messageRef("forms.tooLong", { max: 5000 }));

const CreateCommentSchema = z.object({
  rowId: z.string().min(1).max(64),
  cell: z.enum(COMMENT_CELLS).nullable().optional().default(null),
  parentId: z.string().max(64).nullable().optional().default(null),
  body: Body,
  mentionUserIds: z.array(z.string().max(64)).max(50).optional().default([]),
  mentionDelegationCodes: z.array(z.string().max(16)).max(50).optional().default([]),
});

const EditCommentSchema = z.object({ body: Body });

/** A comment id that names no live comment of this board (deleted meanwhile, or made up). */
const NO_SUCH_COMMENT: ActionResult = {
  ok: false,
  fieldErrors: { commentId: messageRef("serviceErrors.commentMissing") },
};

interface CommentDeps {
  prisma: PrismaClient;
  readLiveRow: ReadLiveRow;
  access: BoardAccessServices;
  events: BoardEventSink;
  now: () => number;
}

const commentSelect = {
  id: true,
  rowId: true,
  cell: true,
  parentId: true,
  authorId: true,
  authorName: true,
  delegationCode: true,
  body: true,
  createdAt: true,
  editedAt: true,
  deletedAt: true,
  resolvedAt: true,
} as const;

/** Built through this factory from one deps object, like every service (decision 025). */
export function createCommentService(deps: CommentDeps): CommentService {
  return new CommentService(deps);
}

export class CommentService {
  constructor(private readonly deps: CommentDeps) {}

  async list(actorId: string, boardId: string): Promise<CommentsOverview> {
    await requireBoardRole(this.deps.access, actorId, boardId);
    const [rows, mentions] = await Promise.all([
      this.deps.prisma.comment.findMany({ where: { boardId }, select: commentSelect, orderBy: { createdAt: "asc" } }),
      this.deps.prisma.mention.findMany({
        where: { boardId, userId: actorId },
        select: { commentId: true, readAt: true },
      }),
    ]);
    const mentioned = new Set(mentions.map((m) => m.commentId));
    const openThreadsByRow: Record<string, number> = {};
    for (const row of rows) {
      if (!row.parentId && !row.resolvedAt && !row.deletedAt)
        openThreadsByRow[row.rowId] = (openThreadsByRow[row.rowId] ?? 0) + 1;
    }
    return {
      comments: rows.map((row) => ({
        id: row.id,
        rowId: row.rowId,
        cell: (row.cell as CommentCell | null) ?? null,
        parentId: row.parentId,
        authorId: row.authorId,
        authorName: row.authorName,
        delegationCode: row.delegationCode,
        body: row.deletedAt ? "" : row.body,
        createdAt: row.createdAt.toISOString(),
        editedAt: row.editedAt?.toISOString() ?? null,
        deleted: row.deletedAt !== null,
        resolvedAt: row.resolvedAt?.toISOString() ?? null,
        mentionsMe: mentioned.has(row.id),
      })),
      openThreadsByRow,
      unreadMentions: mentions.filter((m) => !m.readAt).length,
    };
  }

  async create(actorId: string, boardId: string, raw: unknown): Promise<ActionResult & { id?: string }> {
    const parsed = await guardedAction(
      { access: this.deps.access, actorId, boardId, rule: { may: ROLE_CAN.comment, to: "comment", change: true } },
      CreateCommentSchema,
      raw,
    );
    if (!parsed.ok) return parsed;
    const input = parsed.data;
    const { prisma } = this.deps;
    if (!(await this.deps.readLiveRow(boardId, input.rowId)))
      return { ok: false, fieldErrors: { rowId: messageRef("serviceErrors.rowMissing") } };
    if (input.parentId) {
      const parent = await prisma.comment.findFirst({
        where: { id: input.parentId, boardId, rowId: input.rowId, parentId: null },
        select: { id: true },
      });
      if (!parent) return { ok: false, fieldErrors: { parentId: messageRef("serviceErrors.parentMissing") } };
    }
    const author = await prisma.user.findUniqueOrThrow({
      where: { id: actorId },
      select: { displayName: true, delegation: { select: { code: true, name: true } } },
    });
    // Mentions: only members of this board; a delegation mention reaches its members; "@Name" typed by hand too.
    const mentioned = mentionedUsers(await this.mentionableMembers(boardId), input, actorId);
    const id = randomUUID();
    const activity = await this.activityData(actorId, boardId, "comment-added", input.rowId, { cell: input.cell });
    // One transaction: the comment and its activity entry are both stored, or neither is.
    await this.deps.prisma.$transaction([
      this.deps.prisma.comment.create({
        data: {
          id,
          boardId,
          rowId: input.rowId,
          cell: input.cell,
          parentId: input.parentId,
          authorId: actorId,
          authorName: author.displayName,
          delegationCode: author.delegation.code,
          body: input.body,
          createdAt: new Date(this.deps.now()),
          mentions: { create: [...mentioned].map((userId) => ({ id: randomUUID(), boardId, userId })) },
        },
        select: { id: true },
      }),
      addActivityEntry(this.deps.prisma, activity),
    ]);
    this.deps.events(boardId, { kind: "comments", rowId: input.rowId });
    return { ok: true, id };
  }

  /** Authors edit their own comments only. */
  async edit(actorId: string, boardId: string, commentId: string, rawBody: unknown): Promise<ActionResult> {
    const parsed = await guardedAction(
      {
        access: this.deps.access,
        actorId,
        boardId,
        rule: { may: ROLE_CAN.comment, to: "edit comments", change: true },
      },
      EditCommentSchema,
      { body: rawBody },
    );
    if (!parsed.ok) return parsed;
    const { body } = parsed.data;
    const comment = await this.own(actorId, boardId, commentId);
    if (!comment) return NO_SUCH_COMMENT;
    const activity = await this.activityData(actorId, boardId, "comment-edited", comment.rowId, {});
    // An "@Name" typed into the edit notifies whoever it names and was not mentioned yet (HARDEN-55).
    const already = await this.deps.prisma.mention.findMany({ where: { commentId }, select: { userId: true } });
    const typed = mentionedUsers(
      await this.mentionableMembers(boardId),
      { body, mentionUserIds: [], mentionDelegationCodes: [] },
      actorId,
    );
    for (const { userId } of already) typed.delete(userId);
    // One transaction: the comment and its activity entry are both stored, or neither is.
    await this.deps.prisma.$transaction([
      this.deps.prisma.comment.update({
        where: { id: comment.id },
        data: {
          body,
          editedAt: new Date(this.deps.now()),
          mentions: { create: [...typed].map((userId) => ({ id: randomUUID(), boardId, userId })) },
        },
        select: { id: true },
      }),
      addActivityEntry(this.deps.prisma, activity),
    ]);
    this.deps.events(boardId, { kind: "comments", rowId: comment.rowId });
    return { ok: true };
  }

  async remove(actorId: string, boardId: string, commentId: string): Promise<ActionResult> {
    await requireBoardRole(this.deps.access, actorId, boardId, {
      may: ROLE_CAN.comment,
      to: "delete comments",
      change: true,
    });
    const comment = await this.own(actorId, boardId, commentId);
    if (!comment) return NO_SUCH_COMMENT;
    const activity = await this.activityData(actorId, boardId, "comment-deleted", comment.rowId, {});
    // One transaction: the comment and its activity entry are both stored, or neither is.
    await this.deps.prisma.$transaction([
      this.deps.prisma.comment.update({
        where: { id: comment.id },
        data: { deletedAt: new Date(this.deps.now()) },
        select: { id: true },
      }),
      addActivityEntry(this.deps.prisma, activity),
    ]);
    this.deps.events(boardId, { kind: "comments", rowId: comment.rowId });
    return { ok: true };
  }

  /** Resolve or reopen a thread (its root comment); anyone who may comment. */
  async setResolved(actorId: string, boardId: string, commentId: string, resolved: boolean): Promise<ActionResult> {
    await requireBoardRole(this.deps.access, actorId, boardId, {
      may: ROLE_CAN.comment,
      to: "resolve threads",
      change: true,
    });
    const root = await this.deps.prisma.comment.findFirst({
      where: { id: commentId, boardId, parentId: null },
      select: { id: true, rowId: true },
    });
    if (!root) return { ok: false, fieldErrors: { commentId: messageRef("serviceErrors.threadMissing") } };
    const activity = await this.activityData(
      actorId,
      boardId,
      resolved ? "thread-resolved" : "thread-reopened",
      root.rowId,
      {},
    );
    // One transaction: the comment and its activity entry are both stored, or neither is.
    await this.deps.prisma.$transaction([
      this.deps.prisma.comment.update({
        where: { id: root.id },
        data: resolved
          ? { resolvedAt: new Date(this.deps.now()), resolvedById: actorId }
          : { resolvedAt: null, resolvedById: null },
        select: { id: true },
      }),
      addActivityEntry(this.deps.prisma, activity),
    ]);
    this.deps.events(boardId, { kind: "comments", rowId: root.rowId });
    return { ok: true };
  }

  async markMentionsRead(actorId: string, boardId: string): Promise<void> {
    await requireBoardRole(this.deps.access, actorId, boardId);
    await this.deps.prisma.mention.updateMany({
      where: { boardId, userId: actorId, readAt: null },
      data: { readAt: new Date(this.deps.now()) },
    });
  }

  /** Every comment change lands in the activity feed, named with the row's current title. */
  private async activityData(
    actorId: string,
    boardId: string,
    kind: string,
    rowId: string,
    detail: Record<string, string | null>,
  ) {
    const actor = await this.deps.prisma.user.findUniqueOrThrow({
      where: { id: actorId },
      select: { displayName: true, delegation: { select: { code: true, name: true } } },
    });
    const rowTitle = storableTitle((await this.deps.readLiveRow(boardId, rowId))?.title);
    return {
      boardId,
      actorId,
      actorName: actor.displayName,
      delegationCode: actor.delegation.code,
      delegationName: actor.delegation.name,
      kind,
      rowId,
      rowTitle,
      detail: JSON.stringify(detail),
    };
  }

  /** The actor's own live comment on this board; null when there is none (bad input: 422), 403 when it is someone else's. */
  /** Who can be mentioned on the board, with the names a typed "@Name" is matched against. */
  private mentionableMembers(boardId: string) {
    return this.deps.prisma.boardMember.findMany({
      where: { boardId },
      select: {
        userId: true,
        user: { select: { displayName: true, delegation: { select: { code: true, name: true } } } },
      },
    });
  }

  private async own(actorId: string, boardId: string, commentId: string) {
    const comment = await this.deps.prisma.comment.findFirst({
      where: { id: commentId, boardId, deletedAt: null },
      select: { id: true, authorId: true, rowId: true },
    });
    if (!comment) return null;
    if (comment.authorId !== actorId) throw new AccessDenied(403, messageRef("serviceErrors.ownCommentsOnly"));
    return comment;
  }
}
