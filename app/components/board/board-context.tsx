/** What every part of an open board needs: the document, this person's undo manager and the instruments. */
import { createContext, useContext } from "react";
import type * as Y from "yjs";
import type { InstrumentInfo } from "~/load-context";

export interface BoardContextValue {
  doc: Y.Doc;
  undoManager: Y.UndoManager | null;
  instruments: readonly InstrumentInfo[];
  instrumentsById: ReadonlyMap<string, InstrumentInfo>;
}

const BoardContext = createContext<BoardContextValue | null>(null);

export const BoardProvider = BoardContext.Provider;

export function useBoard(): BoardContextValue {
  const value = useContext(BoardContext);
  if (!value) throw new Error("useBoard must be used inside <BoardProvider>");
  return value;
}
