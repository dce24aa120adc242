import { randomBytes } from "node:crypto";
import { BoardNotFoundError } from "../collab/update-store";
import type { PrismaClient } from "./prisma-client";

interface BoardSummary {
  id: string;
  title: string;
  createdAt: Date;
  updatedAt: Date;
  archivedAt: Date | null;
  forum: string | null;
  marking: string | null;
  releasability: string | null;
}

interface InstrumentRecord {
  id: string;
  name: string;
  owner: string;
  kind: string;
  year: number | null;
  reference: string;
  summary: string;
  /** null for the shared library, else the board that owns this custom instrument. */
  boardId: string | null;
}

interface CustomInstrumentInput {
  name: string;
  owner: string;
  kind: string;
  year?: number | null;
  reference: string;
  summary?: string;
}

const boardSelect = {
  id: true,
  title: true,
  createdAt: true,
  updatedAt: true,
  archivedAt: true,
  marking: true,
  releasability: true,
  forum: true,
} as const;
const instrumentSelect = {
  id: true,
  name: true,
  owner: true,
  kind: true,
  year: true,
  reference: true,
  summary: true,
  boardId: true,
} as const;

/** 128 random bits: board ids are capabilities in URLs, so they must not be guessable. */
function newBoardId(): string {
  return randomBytes(16).toString("base64url");
}

/** Prisma's "record to update not found". */
function isNotFound(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === "P2025";
}

export async function createBoard(
  prisma: PrismaClient,
  input: { title: string; forum?: string },
): Promise<{ id: string; title: string }> {
  return prisma.board.create({
    data: { id: newBoardId(), title: input.title, forum: input.forum ?? "joint" },
    select: { id: true, title: true },
  });
}

export async function listBoards(
  prisma: PrismaClient,
  options: { includeArchived?: boolean } = {},
): Promise<BoardSummary[]> {
  return prisma.board.findMany({
    where: options.includeArchived ? {} : { archivedAt: null },
    orderBy: [{ updatedAt: "desc" }, { id: "asc" }],
    select: boardSelect,
  });
}

export async function getBoard(prisma: PrismaClient, id: string): Promise<BoardSummary | null> {
  return prisma.board.findUnique({ where: { id }, select: boardSelect });
}

/** Updates one board; null when it does not exist. */
async function updateBoard(
  prisma: PrismaClient,
  id: string,
  data: { title?: string; archivedAt?: Date | null },
): Promise<BoardSummary | null> {
  try {
    return await prisma.board.update({ where: { id }, data, select: boardSelect });
  } catch (error) {
    if (isNotFound(error)) return null;
    throw error;
  }
}

export function renameBoard(prisma: PrismaClient, id: string, title: string): Promise<BoardSummary | null> {
  return updateBoard(prisma, id, { title });
}

export function archiveBoard(prisma: PrismaClient, id: string): Promise<BoardSummary | null> {
  return updateBoard(prisma, id, { archivedAt: new Date() });
}

export function unarchiveBoard(prisma: PrismaClient, id: string): Promise<BoardSummary | null> {
  return updateBoard(prisma, id, { archivedAt: null });
}

/** The shared library plus the custom instruments of this board. */
export async function listInstruments(prisma: PrismaClient, boardId: string): Promise<InstrumentRecord[]> {
  return prisma.instrument.findMany({
    where: { OR: [{ boardId: null }, { boardId }] },
    orderBy: [{ owner: "asc" }, { name: "asc" }, { id: "asc" }],
    select: instrumentSelect,
  });
}

export async function createCustomInstrument(
  prisma: PrismaClient,
  boardId: string,
  input: CustomInstrumentInput,
): Promise<InstrumentRecord> {
  try {
    return await prisma.instrument.create({
      data: {
        id: `custom-${randomBytes(12).toString("base64url")}`,
        boardId,
        name: input.name,
        owner: input.owner,
        kind: input.kind,
        year: input.year ?? null,
        reference: input.reference,
        summary: input.summary ?? "",
      },
      select: instrumentSelect,
    });
  } catch (error) {
    if ((error as { code?: unknown } | null)?.code === "P2003") throw new BoardNotFoundError(boardId);
    throw error;
  }
}
