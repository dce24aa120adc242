/** What every part of an open board needs: the document, this person's undo manager, the instruments, and whether they may edit. */
import { createContext, useContext } from "react";
import type * as Y from "yjs";
import type { RowStore } from "~/lib/row-store";
import type { InstrumentInfo } from "../../../core/services";

export interface BoardContextValue {
  doc: Y.Doc;
  /** Per-row subscriptions to the document (see row-store). */
  rows: RowStore;
  undoManager: Y.UndoManager | null;
  instruments: readonly InstrumentInfo[];
  instrumentsById: ReadonlyMap<string, InstrumentInfo>;
  /** Observers (and everyone on an archived board): controls are disabled or hidden; live updates still show. */
  readOnly: boolean;
  /** Set inside an agreed row: everything is read-only and its text fields are disabled (the server undoes edits anyway). */
  locked?: boolean;
}

const BoardContext = createContext<BoardContextValue | null>(null);

export const BoardProvider = BoardContext.Provider;

export function useBoard(): BoardContextValue {
  const value = useContext(BoardContext);
  if (!value) throw new Error("useBoard must be used inside <BoardProvider>");
  return value;
}
