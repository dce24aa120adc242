/**
 * The chair sets a board's marking (from BOARD_MARKINGS) and releasability (MARK-3, MARK-10). Tightening the
 * list removes nobody: members outside it stay members, flagged, and are refused reads, exports and sockets
 * until the list or their membership changes (decision 019); their open sockets close at once.
 */
import * as z from "zod";
import { isListMarking } from "../../core/markings";
import type { BoardMarkingServices, MarkingResult } from "../../core/marking-contract";
import { messageRef } from "../../core/message-ref";
import { notReleasableReason } from "../../core/collab-protocol";
import {
  boardMarkingText,
  encodeReleasability,
  isReleasableTo,
  parseReleasability,
  ReleasabilityInputSchema,
  type Releasability,
} from "../../core/releasability";
import { ROLE_CAN } from "../../core/roles";
import { BOARD_ROLES, type BoardAccessServices, type BoardRole } from "../../core/services";
import type { PrismaClient } from "../db/prisma-client";
import { requireBoardRole } from "../../core/require-board-role";
import { addActivityEntry } from "../db/activity-log";

interface BoardMarkingDeps {
  prisma: PrismaClient;
  access: Pick<BoardAccessServices, "getAccess">;
  /** BOARD_MARKINGS (validated by server/config.ts). */
  options: readonly string[];
  /** A member now outside the releasability: close their open sockets, saying why. */
  onWithheld: (boardId: string, userId: string, reason: string) => void;
}

const InputSchema = z.object({ marking: z.string().min(1).max(200), releasability: ReleasabilityInputSchema });

const toRole = (role: string): BoardRole =>
  (BOARD_ROLES as readonly string[]).includes(role) ? (role as BoardRole) : "observer";

const memberSelect = {
  role: true,
  user: {
    select: {
      id: true,
      displayName: true,
      delegation: { select: { code: true, name: true, nato: true, eu: true, partner: true, institution: true } },
    },
  },
} as const;

export function createBoardMarkingServices(deps: BoardMarkingDeps): BoardMarkingServices {
  const { prisma } = deps;
  const manage = { may: ROLE_CAN.manageBoard, to: "set the marking" };

  async function membersOutside(boardId: string, releasability: Releasability) {
    const members = await prisma.boardMember.findMany({
      where: { boardId },
      select: memberSelect,
      orderBy: { createdAt: "asc" },
    });
    return members
      .filter(({ user }) => !isReleasableTo(releasability, user.delegation))
      .map(({ role, user }) => ({
        userId: user.id,
        displayName: user.displayName,
        delegation: { ...user.delegation, partner: user.delegation.partner ?? false },
        role: toRole(role),
      }));
  }

  /** Field errors of a well-formed input: the marking is listed, a list marking has a list, codes exist, the chair stays in. */
  async function problems(actorId: string, marking: string, releasability: Releasability) {
    const fieldErrors: Record<string, string> = {};
    if (!deps.options.includes(marking)) fieldErrors.marking = messageRef("markings.unknownMarking");
    else if (isListMarking(marking) && releasability.kind === "any")
      fieldErrors.releasability = messageRef("markings.listNeeded");
    if (releasability.kind === "delegations") {
      const known = await prisma.delegation.findMany({
        where: { code: { in: releasability.codes } },
        select: { code: true },
      });
      const missing = releasability.codes.filter((code) => !known.some((row) => row.code === code));
      if (missing.length > 0)
        fieldErrors.codes = messageRef("markings.unknownDelegations", { codes: missing.join(", ") });
    }
    const actor = await prisma.user.findUnique({
      where: { id: actorId },
      select: { delegation: { select: { code: true, nato: true, eu: true } } },
    });
    if (!fieldErrors.releasability && actor && !isReleasableTo(releasability, actor.delegation))
      fieldErrors.releasability = messageRef("markings.excludesYou");
    return fieldErrors;
  }

  return {
    options: deps.options,

    async getSettings(actorId, boardId) {
      const { board } = await requireBoardRole(deps.access, actorId, boardId, manage);
      const releasability = parseReleasability(board.releasability);
      return {
        marking: board.marking,
        markingText: boardMarkingText(board),
        releasability,
        options: deps.options,
        withheld: await membersOutside(boardId, releasability),
      };
    },

    async setMarking(actorId, boardId, raw): Promise<MarkingResult> {
      const { board } = await requireBoardRole(deps.access, actorId, boardId, { ...manage, change: true });
      const parsed = InputSchema.safeParse(raw);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        const field = issue.path[0] === "releasability" && issue.path[1] === "codes" ? "codes" : String(issue.path[0]);
        return { ok: false, fieldErrors: { [field]: messageRef("forms.badRequest") } };
      }
      const { marking } = parsed.data;
      const releasability = parseReleasability(encodeReleasability(parsed.data.releasability));
      const fieldErrors = await problems(actorId, marking, releasability);
      if (Object.keys(fieldErrors).length > 0) return { ok: false, fieldErrors };
      const next = { marking, releasability: encodeReleasability(releasability) };
      const actor = await prisma.user.findUnique({
        where: { id: actorId },
        select: { displayName: true, delegation: { select: { code: true, name: true } } },
      });
      await prisma.$transaction([
        prisma.board.update({ where: { id: boardId }, data: next, select: { id: true } }),
        addActivityEntry(prisma, {
          boardId,
          actorId,
          actorName: actor?.displayName ?? "",
          delegationCode: actor?.delegation.code ?? null,
          delegationName: actor?.delegation.name ?? null,
          kind: "marking-changed",
          detail: JSON.stringify({
            from: boardMarkingText(board),
            to: boardMarkingText(next),
            releasability: next.releasability,
          }),
        }),
      ]);
      // The close reason is machine-readable (the list in its stored form); the client explains 4451 in words.
      const reason = notReleasableReason(encodeReleasability(releasability));
      for (const member of await membersOutside(boardId, releasability))
        deps.onWithheld(boardId, member.userId, reason);
      return { ok: true };
    },
  };
}
