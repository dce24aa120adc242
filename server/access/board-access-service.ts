/**
 * Membership, roles, invitations and the activity feed of boards. Every
 * method checks the actor's membership and role itself.
 */
import { randomUUID } from "node:crypto";
import { AccessDenied, NotReleasable } from "../../core/access-errors";
import { requireBoardRole } from "../../core/require-board-role";
import { describeReleasability, isReleasableTo, parseReleasability, releasabilityRef } from "../../core/releasability";
import { higherRole, ROLE_CAN } from "../../core/roles";
import {
  BOARD_ROLES,
  type ActivityItem,
  type BoardAccessServices,
  type BoardRole,
  type BoardSummary,
  type InviteInfo,
  type InviteProblem,
} from "../../core/services";
import { toSummary, type BoardServices } from "../services";
import { EmailSchema, issueMessage } from "../auth/account-schemas";
import { hashToken, newToken } from "../auth/tokens";
import type { PrismaClient } from "../db/prisma-client";
import { messageRef } from "../../core/message-ref";
import { delegationInfoSelect, toDelegationInfo } from "../db/delegation-info";

interface BoardAccessDeps {
  prisma: PrismaClient;
  /** Board rows (membership is checked here, the board itself is read there). */
  boards: BoardServices;
  /** Called after a member's role changed (role) or they were removed (null), to update open sockets. */
  onAccessChanged: (boardId: string, userId: string, role: BoardRole | null) => void;
  /** Called after anyone joined, left or changed role. */
  onMembershipChanged?: (boardId: string) => void;
  now?: () => number;
}

const toRole = (role: string): BoardRole =>
  (BOARD_ROLES as readonly string[]).includes(role) ? (role as BoardRole) : "observer";

const inviteSelect = {
  id: true,
  role: true,
  expiresAt: true,
  maxUses: true,
  uses: true,
  revokedAt: true,
  createdAt: true,
} as const;
type InviteRow = {
  id: string;
  role: string;
  expiresAt: Date;
  maxUses: number | null;
  uses: number;
  revokedAt: Date | null;
  createdAt: Date;
};

function toInvite(row: InviteRow): InviteInfo {
  return {
    id: row.id,
    role: toRole(row.role),
    expiresAt: row.expiresAt.toISOString(),
    maxUses: row.maxUses,
    uses: row.uses,
    revokedAt: row.revokedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
  };
}

export function createBoardAccessServices(deps: BoardAccessDeps): BoardAccessServices {
  const { prisma, boards } = deps;
  const now = deps.now ?? Date.now;

  async function roleOf(boardId: string, userId: string): Promise<BoardRole | null> {
    const member = await prisma.boardMember.findUnique({
      where: { boardId_userId: { boardId, userId } },
      select: { role: true },
    });
    return member ? toRole(member.role) : null;
  }

  async function getAccess(boardId: string, userId: string) {
    const member = await prisma.boardMember.findUnique({
      where: { boardId_userId: { boardId, userId } },
      select: { role: true, user: { select: { delegation: { select: { code: true, nato: true, eu: true } } } } },
    });
    if (!member) return null;
    const board = await boards.getBoard(boardId);
    if (!board) return null;
    // A member outside the releasability stays a member but reads nothing (MARK-13, decision 019).
    const releasability = parseReleasability(board.releasability);
    if (!isReleasableTo(releasability, member.user.delegation))
      throw new NotReleasable(board.releasability, describeReleasability(releasability));
    return { board, role: toRole(member.role) };
  }

  async function inviteProblem(tokenHash: string) {
    const invite = await prisma.invite.findUnique({
      where: { tokenHash },
      select: { ...inviteSelect, boardId: true, board: { select: { title: true, archivedAt: true } } },
    });
    if (!invite) return { problem: "invalid" as InviteProblem };
    if (invite.revokedAt) return { problem: "revoked" as InviteProblem };
    if (invite.expiresAt.getTime() <= now()) return { problem: "expired" as InviteProblem };
    if (invite.maxUses !== null && invite.uses >= invite.maxUses) return { problem: "used-up" as InviteProblem };
    return { invite };
  }

  /** A message ref naming the board's list when the delegation is outside it (MARK-11, MARK-12), else null. */
  async function releasabilityRefusal(
    boardId: string,
    delegation: { code: string; nato: boolean; eu: boolean },
  ): Promise<string | null> {
    const board = await boards.getBoard(boardId);
    const releasability = parseReleasability(board?.releasability);
    return isReleasableTo(releasability, delegation) ? null : releasabilityRef(releasability);
  }

  async function lastChairWouldLeave(boardId: string, userId: string): Promise<boolean> {
    const chairs = await prisma.boardMember.findMany({ where: { boardId, role: "chair" }, select: { userId: true } });
    return chairs.length === 1 && chairs[0].userId === userId;
  }

  return {
    async listMyBoards(userId, { includeArchived }) {
      const memberships = await prisma.boardMember.findMany({
        where: { userId, board: includeArchived ? {} : { archivedAt: null } },
        select: {
          role: true,
          board: {
            select: {
              id: true,
              title: true,
              createdAt: true,
              archivedAt: true,
              forum: true,
              marking: true,
              releasability: true,
            },
          },
        },
        orderBy: { board: { createdAt: "desc" } },
      });
      return memberships.map(({ role, board }) => ({ ...toSummary(board), role: toRole(role) }));
    },

    getAccess,

    async createBoard(userId, input): Promise<BoardSummary> {
      const board = await boards.createBoard(input);
      await prisma.$transaction([
        prisma.board.update({ where: { id: board.id }, data: { createdById: userId }, select: { id: true } }),
        prisma.boardMember.create({ data: { boardId: board.id, userId, role: "chair" }, select: { boardId: true } }),
      ]);
      return board;
    },

    async listMembers(actorId, boardId) {
      await requireBoardRole({ getAccess }, actorId, boardId);
      const members = await prisma.boardMember.findMany({
        where: { boardId },
        select: {
          role: true,
          user: {
            select: {
              id: true,
              displayName: true,
              email: true,
              delegation: { select: delegationInfoSelect },
            },
          },
        },
        orderBy: { createdAt: "asc" },
      });
      return members.map(({ role, user }) => ({
        userId: user.id,
        displayName: user.displayName,
        email: user.email,
        delegation: toDelegationInfo(user.delegation),
        role: toRole(role),
      }));
    },

    async addMemberByEmail(actorId, boardId, rawEmail, role) {
      await requireBoardRole({ getAccess }, actorId, boardId, { may: ROLE_CAN.manageMembers, to: "manage members" });
      const email = EmailSchema.safeParse(rawEmail);
      if (!email.success) return { ok: false, fieldErrors: { email: issueMessage(email.error.issues[0]) } };
      const user = await prisma.user.findUnique({
        where: { email: email.data },
        select: { id: true, delegation: { select: { code: true, nato: true, eu: true } } },
      });
      if (!user) return { ok: false, fieldErrors: { email: messageRef("serviceErrors.noAccount") } };
      const outside = await releasabilityRefusal(boardId, user.delegation);
      if (outside)
        return { ok: false, fieldErrors: { email: messageRef("markings.memberOutside", { releasableTo: outside }) } };
      const existing = await roleOf(boardId, user.id);
      if (existing)
        return {
          ok: false,
          fieldErrors: {
            email: messageRef("serviceErrors.alreadyMemberAs", { role: messageRef(`roles.${existing}`) }),
          },
        };
      try {
        // The chair adding someone back by name lifts an earlier removal.
        await prisma.$transaction([
          prisma.boardMember.create({ data: { boardId, userId: user.id, role }, select: { boardId: true } }),
          prisma.boardRemoval.deleteMany({ where: { boardId, userId: user.id } }),
        ]);
      } catch (error) {
        // Added by someone else a moment ago (unique board + user).
        if ((error as { code?: unknown } | null)?.code === "P2002")
          return { ok: false, fieldErrors: { email: messageRef("serviceErrors.alreadyMember") } };
        throw error;
      }
      deps.onMembershipChanged?.(boardId);
      return { ok: true };
    },

    async changeRole(actorId, boardId, userId, role) {
      await requireBoardRole({ getAccess }, actorId, boardId, { may: ROLE_CAN.manageMembers, to: "change roles" });
      if (!(await roleOf(boardId, userId))) throw new AccessDenied(404, messageRef("serviceErrors.notMember"));
      if (role !== "chair" && (await lastChairWouldLeave(boardId, userId)))
        throw new AccessDenied(403, messageRef("serviceErrors.needsChair"));
      await prisma.boardMember.update({
        where: { boardId_userId: { boardId, userId } },
        data: { role },
        select: { boardId: true },
      });
      deps.onAccessChanged(boardId, userId, role);
      deps.onMembershipChanged?.(boardId);
    },

    async removeMember(actorId, boardId, userId) {
      await requireBoardRole({ getAccess }, actorId, boardId, { may: ROLE_CAN.manageMembers, to: "remove members" });
      if (await lastChairWouldLeave(boardId, userId))
        throw new AccessDenied(403, messageRef("serviceErrors.needsChair"));
      const removedAt = new Date(now());
      // Recorded so that an invite link they still hold (made before now) does not let them back in.
      await prisma.$transaction([
        prisma.boardMember.deleteMany({ where: { boardId, userId } }),
        prisma.boardRemoval.upsert({
          where: { boardId_userId: { boardId, userId } },
          create: { boardId, userId, removedAt },
          update: { removedAt },
          select: { boardId: true },
        }),
      ]);
      deps.onAccessChanged(boardId, userId, null);
      deps.onMembershipChanged?.(boardId);
    },

    async createInvite(actorId, boardId, input) {
      await requireBoardRole({ getAccess }, actorId, boardId, { may: ROLE_CAN.manageMembers, to: "invite" });
      const token = newToken();
      const row = await prisma.invite.create({
        data: {
          id: randomUUID(),
          tokenHash: hashToken(token),
          boardId,
          role: input.role,
          expiresAt: new Date(now() + input.expiresInHours * 3600 * 1000),
          maxUses: input.maxUses,
          createdById: actorId,
        },
        select: inviteSelect,
      });
      return { token, invite: toInvite(row) };
    },

    async listInvites(actorId, boardId) {
      await requireBoardRole({ getAccess }, actorId, boardId, { may: ROLE_CAN.manageMembers, to: "see invites" });
      const rows = await prisma.invite.findMany({
        where: { boardId },
        select: inviteSelect,
        orderBy: { createdAt: "desc" },
      });
      return rows.map(toInvite);
    },

    async revokeInvite(actorId, boardId, inviteId) {
      await requireBoardRole({ getAccess }, actorId, boardId, { may: ROLE_CAN.manageMembers, to: "revoke invites" });
      await prisma.invite.updateMany({
        where: { id: inviteId, boardId, revokedAt: null },
        data: { revokedAt: new Date(now()) },
      });
    },

    async describeInvite(token) {
      const found = await inviteProblem(hashToken(token));
      if (!found.invite) return { ok: false, problem: found.problem! };
      return {
        ok: true,
        boardId: found.invite.boardId,
        boardTitle: found.invite.board.title,
        role: toRole(found.invite.role),
      };
    },

    async acceptInvite(userId, token) {
      const tokenHash = hashToken(token);
      const found = await inviteProblem(tokenHash);
      if (!found.invite) return { ok: false, problem: found.problem! };
      const { invite } = found;
      const account = await prisma.user.findUnique({
        where: { id: userId },
        select: { delegation: { select: { code: true, nato: true, eu: true } } },
      });
      const outside = account ? await releasabilityRefusal(invite.boardId, account.delegation) : null;
      if (outside) return { ok: false, problem: "not-releasable", releasableTo: outside };
      const existing = await roleOf(invite.boardId, userId);
      // Already a member with this role or a higher one: nothing to do, and the link keeps its uses.
      if (existing && higherRole(existing, toRole(invite.role)) === existing)
        return { ok: true, boardId: invite.boardId };
      // A removed member keeps any link they had; only a link the chair made after the removal lets them in.
      if (!existing) {
        const removal = await prisma.boardRemoval.findUnique({
          where: { boardId_userId: { boardId: invite.boardId, userId } },
          select: { removedAt: true },
        });
        if (removal && removal.removedAt.getTime() >= invite.createdAt.getTime())
          return { ok: false, problem: "removed" };
      }
      // Count the use only if it is still available (two people racing for a single-use link: one wins).
      const claimed = await prisma.invite.updateMany({
        where: { id: invite.id, revokedAt: null, ...(invite.maxUses !== null ? { uses: { lt: invite.maxUses } } : {}) },
        data: { uses: { increment: 1 } },
      });
      if (claimed.count === 0) return { ok: false, problem: "used-up" };
      const current = await roleOf(invite.boardId, userId);
      const role = current ? higherRole(current, toRole(invite.role)) : toRole(invite.role);
      await prisma.boardMember.upsert({
        where: { boardId_userId: { boardId: invite.boardId, userId } },
        create: { boardId: invite.boardId, userId, role },
        update: { role },
        select: { boardId: true },
      });
      if (current && current !== role) deps.onAccessChanged(invite.boardId, userId, role);
      if (current !== role) deps.onMembershipChanged?.(invite.boardId);
      return { ok: true, boardId: invite.boardId };
    },

    async listActivity(actorId, boardId, { delegationCode, limit }): Promise<ActivityItem[]> {
      await requireBoardRole({ getAccess }, actorId, boardId);
      const rows = await prisma.activityEntry.findMany({
        where: { boardId, ...(delegationCode ? { delegationCode } : {}) },
        select: {
          id: true,
          updatedAt: true,
          actorName: true,
          delegationCode: true,
          delegationName: true,
          kind: true,
          rowTitle: true,
          detail: true,
        },
        orderBy: { id: "desc" },
        take: Math.min(Math.max(limit, 1), 500),
      });
      return rows.map((row) => ({
        id: row.id,
        at: row.updatedAt.toISOString(),
        actorName: row.actorName,
        delegationCode: row.delegationCode,
        delegationName: row.delegationName,
        kind: row.kind,
        rowTitle: row.rowTitle,
        detail: parseDetail(row.detail),
      }));
    },
  };
}

function parseDetail(detail: string): Record<string, string | null> {
  try {
    const parsed: unknown = JSON.parse(detail);
    return parsed && typeof parsed === "object" ? (parsed as Record<string, string | null>) : {};
  } catch {
    return {};
  }
}
