/**
 * Activity entries of the meeting (core/meeting-contract.ts MEETING_ACTIVITY): who did it is stamped from the
 * account, never from the request. The record of the meeting reads them back.
 */
import { storableTitle } from "../db/storable-text";
import type { PrismaClient } from "../db/prisma-client";

export interface MeetingActor {
  id: string;
  displayName: string;
  delegationCode: string;
  delegationName: string;
}

export async function readActor(prisma: PrismaClient, actorId: string): Promise<MeetingActor> {
  const user = await prisma.user.findUniqueOrThrow({
    where: { id: actorId },
    select: { displayName: true, delegation: { select: { code: true, name: true } } },
  });
  return {
    id: actorId,
    displayName: user.displayName,
    delegationCode: user.delegation.code,
    delegationName: user.delegation.name,
  };
}

export function meetingActivity(
  boardId: string,
  actor: MeetingActor,
  kind: string,
  detail: Record<string, string | number | null>,
  at: Date,
) {
  return {
    boardId,
    actorId: actor.id,
    actorName: actor.displayName,
    delegationCode: actor.delegationCode,
    delegationName: actor.delegationName,
    kind,
    rowId: null,
    rowTitle: typeof detail.title === "string" ? storableTitle(detail.title) : null,
    detail: JSON.stringify(detail),
    createdAt: at,
  };
}
