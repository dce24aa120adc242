/**
 * RemitServices: what loaders and actions may do, implemented over Prisma and
 * the update store. A new board gets its first Yjs state written to the log
 * here, so the first person to open it sees the template at once.
 */
import type {
  BoardForum,
  BoardSummary,
  BoardTemplate,
  InstrumentInfo,
  InstrumentOwner,
  RemitServices,
} from "../core/services";
import { INSTRUMENT_OWNERS } from "../core/services";
import type { UpdateStore } from "./collab/update-store";
import * as boards from "./db/boards";
import { loadCatalogue } from "./db/instrument-catalogue";
import type { PrismaClient } from "./db/prisma-client";
import { seedInstruments } from "./db/seed-instruments";
import { buildInitialBoardState } from "./starter-board";
import type { Locale } from "../core/locale";
import { parseForum } from "../core/forums";
import { DEFAULT_MARKING } from "../core/markings";

type BoardRow = {
  id: string;
  title: string;
  createdAt: Date;
  archivedAt: Date | null;
  marking: string | null;
  releasability: string | null;
  forum: string | null;
};

export function toSummary(board: BoardRow): BoardSummary {
  return {
    id: board.id,
    title: board.title,
    createdAt: board.createdAt.toISOString(),
    archivedAt: board.archivedAt?.toISOString() ?? null,
    forum: parseForum(board.forum),
    marking: board.marking ?? DEFAULT_MARKING,
    releasability: board.releasability ?? "any",
  };
}

function toOwner(owner: string): InstrumentOwner {
  return (INSTRUMENT_OWNERS as readonly string[]).includes(owner) ? (owner as InstrumentOwner) : "National";
}

type InstrumentRow = {
  id: string;
  name: string;
  owner: string;
  kind: string;
  year: number | null;
  reference: string;
  summary: string;
  boardId: string | null;
};

function toInstrument(row: InstrumentRow): InstrumentInfo {
  return { ...row, owner: toOwner(row.owner), custom: row.boardId !== null };
}

/** Server-side extras that are not scoped to a user: only BoardAccessServices call them. */
export interface BoardServices extends RemitServices {
  getBoard(boardId: string): Promise<BoardSummary | null>;
  createBoard(input: {
    title: string;
    template: BoardTemplate;
    locale?: Locale;
    forum?: BoardForum;
  }): Promise<BoardSummary>;
}

interface RemitServicesDeps {
  prisma: PrismaClient;
  /** Where a new board's first Yjs state is written. */
  store: UpdateStore;
  /** Archiving must reach open sockets at once (writers turn read-only), not at their next connection. */
  onArchivedChanged?: (boardId: string, archived: boolean) => void;
}

export async function createRemitServices(deps: RemitServicesDeps): Promise<BoardServices> {
  const { prisma, store } = deps;
  const catalogue = loadCatalogue();
  await seedInstruments(prisma, catalogue.instruments);
  // Official French titles (catalogue nameFr, sourced); the database keeps the English name.
  const frenchNames = new Map(catalogue.instruments.flatMap((i) => (i.nameFr ? [[i.id, i.nameFr] as const] : [])));

  const services: BoardServices = {
    async getBoard(boardId) {
      const board = await boards.getBoard(prisma, boardId);
      return board ? toSummary(board) : null;
    },
    async createBoard({ title, template, locale, forum }) {
      const board = await boards.createBoard(prisma, { title, forum });
      await store.append(board.id, buildInitialBoardState(template, catalogue.threats, locale), { authorId: null });
      return (await services.getBoard(board.id))!;
    },
    async renameBoard(boardId, title) {
      await boards.renameBoard(prisma, boardId, title);
    },
    async setBoardArchived(boardId, archived) {
      if (archived) await boards.archiveBoard(prisma, boardId);
      else await boards.unarchiveBoard(prisma, boardId);
      deps.onArchivedChanged?.(boardId, archived);
    },
    async listInstruments(boardId, locale) {
      const instruments = (await boards.listInstruments(prisma, boardId)).map(toInstrument);
      if (locale !== "fr") return instruments;
      return instruments.map((i) => (!i.custom && frenchNames.has(i.id) ? { ...i, name: frenchNames.get(i.id)! } : i));
    },
    async createCustomInstrument(boardId, input) {
      return toInstrument(
        await boards.createCustomInstrument(prisma, boardId, { ...input, year: input.year ?? undefined }),
      );
    },
  };

  return services;
}
