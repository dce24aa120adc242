/**
 * What the meeting services need: storage, the board guard, the live rows (agenda items name rows that exist),
 * the board event sink and the server clock (the speaking timer counts from it).
 */
import type { BoardAccessServices } from "../../core/services";
import type { PrismaClient } from "../db/prisma-client";
import type { BoardEventSink } from "../consensus/board-events";

export interface MeetingDeps {
  prisma: PrismaClient;
  access: Pick<BoardAccessServices, "getAccess">;
  /** Ids and titles of the board's live rows, in board order. */
  readLiveRows: (boardId: string) => Promise<readonly { id: string; title: string }[]>;
  events: BoardEventSink;
  now: () => number;
}
