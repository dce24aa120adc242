/** Reads a board's meeting (agenda, current item, speaking list, speaker, timer) as the board page shows it. */
import * as z from "zod";
import type { AgendaItemJson, MeetingJson } from "../../core/meeting-contract";
import type { PrismaClient } from "../db/prisma-client";

const StoredRowIds = z.array(z.string());

/** The stored JSON array of row ids; a damaged value reads as no rows rather than failing the whole page. */
function parseRowIds(stored: string): string[] {
  try {
    const parsed = StoredRowIds.safeParse(JSON.parse(stored));
    return parsed.success ? parsed.data : [];
  } catch {
    return [];
  }
}

export async function listAgendaItems(
  prisma: Pick<PrismaClient, "agendaItem">,
  boardId: string,
): Promise<AgendaItemJson[]> {
  const rows = await prisma.agendaItem.findMany({
    where: { boardId },
    select: { id: true, position: true, title: true, rowIds: true, startedAt: true, closedAt: true },
    orderBy: [{ position: "asc" }, { createdAt: "asc" }],
  });
  return rows.map((row) => ({
    id: row.id,
    position: row.position,
    title: row.title,
    rowIds: parseRowIds(row.rowIds),
    startedAt: row.startedAt?.toISOString() ?? null,
    closedAt: row.closedAt?.toISOString() ?? null,
  }));
}

export async function readMeeting(prisma: PrismaClient, boardId: string, now: number): Promise<MeetingJson> {
  const [items, meeting, hands] = await Promise.all([
    listAgendaItems(prisma, boardId),
    prisma.boardMeeting.findUnique({
      where: { boardId },
      select: {
        currentItemId: true,
        speakerDelegationCode: true,
        speakerDelegationName: true,
        speakingSince: true,
        speakingSeconds: true,
        timerSeconds: true,
      },
    }),
    prisma.floorRequest.findMany({
      where: { boardId },
      select: { delegationCode: true, delegationName: true, raisedByName: true, raisedAt: true },
      orderBy: { id: "asc" },
    }),
  ]);
  const speaker =
    meeting?.speakerDelegationCode && meeting.speakingSince
      ? {
          delegationCode: meeting.speakerDelegationCode,
          delegationName: meeting.speakerDelegationName ?? meeting.speakerDelegationCode,
          since: meeting.speakingSince.toISOString(),
          seconds: meeting.speakingSeconds,
        }
      : null;
  return {
    items,
    currentItemId: meeting?.currentItemId ?? null,
    speakingList: hands.map((hand) => ({ ...hand, raisedAt: hand.raisedAt.toISOString() })),
    speaker,
    timerSeconds: meeting?.timerSeconds ?? null,
    serverNow: now,
  };
}
