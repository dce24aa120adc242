/**
 * What the custom server (server/index.ts) hands every loader and action.
 * Routes reach storage only through these services, so the browser bundle
 * never pulls in Prisma, and the server keeps one way to do each thing.
 */
import type { Category, Responsibility } from "./lib/board-doc";

export const INSTRUMENT_OWNERS = ["NATO", "EU", "Joint", "National"] as const;
export type InstrumentOwner = (typeof INSTRUMENT_OWNERS)[number];

export interface BoardSummary {
  id: string;
  title: string;
  createdAt: string;
  archivedAt: string | null;
}

export interface InstrumentInfo {
  id: string;
  name: string;
  owner: InstrumentOwner;
  kind: string;
  year: number | null;
  reference: string;
  summary: string;
  /** Added to this board by a user (not from the shared library). */
  custom: boolean;
}

export interface NewInstrumentInput {
  name: string;
  owner: InstrumentOwner;
  kind: string;
  year: number | null;
  reference: string;
}

export type BoardTemplate = "empty" | "starter";

export interface StarterThreat {
  title: string;
  category: Category;
  responsibility: Responsibility;
  instrumentIds: string[];
}

export interface RemitServices {
  listBoards(options: { includeArchived: boolean }): Promise<BoardSummary[]>;
  getBoard(boardId: string): Promise<BoardSummary | null>;
  createBoard(input: { title: string; template: BoardTemplate }): Promise<BoardSummary>;
  renameBoard(boardId: string, title: string): Promise<void>;
  setBoardArchived(boardId: string, archived: boolean): Promise<void>;
  listInstruments(boardId: string): Promise<InstrumentInfo[]>;
  createCustomInstrument(boardId: string, input: NewInstrumentInput): Promise<InstrumentInfo>;
}

export interface RemitLoadContext {
  services: RemitServices;
}

declare module "@remix-run/node" {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface AppLoadContext extends RemitLoadContext {}
}
