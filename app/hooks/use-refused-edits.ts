/**
 * The edits of this user on this board that the server refused (COLLAB-29), kept aside in IndexedDB: read on
 * load and after each refusal, summarised as the text of the fields they touched, until discarded.
 */
import { useCallback, useEffect, useMemo, useState } from "react";
import type * as Y from "yjs";
import { describeRefusedEdits, isInDoc, type RefusedSummary } from "../lib/refused-edits";
import { deleteRefusedEdits, readRefusedEdits, type RefusedEdit } from "../lib/unsaved-edits-store";

export interface RefusedEdits {
  count: number;
  /** The close code of the latest refusal (4422 refused, 4413/1009 too large), or null. */
  code: number | null;
  summary: RefusedSummary | null;
  discard: () => void;
}

interface Connection {
  /** The document holds the server's state (after a reload: without the refused edits). */
  everSynced: boolean;
  /** Refusals in this page so far (its document then holds the refused edits). */
  refusals: number;
}

export function useRefusedEdits(
  doc: Y.Doc,
  userId: string | null,
  boardId: string,
  { everSynced, refusals }: Connection,
): RefusedEdits {
  const [edits, setEdits] = useState<RefusedEdit[]>([]);
  useEffect(() => {
    if (!userId) return;
    let cancelled = false;
    void readRefusedEdits(userId, boardId).then(async (found) => {
      // A frame the server committed just before refusing a later one was never acknowledged (the socket closed
      // first): once this page holds the server's state, such an edit is found there and was saved after all.
      if (everSynced && refusals === 0) {
        const saved = found.filter((edit) => isInDoc(doc, edit.update)).map((edit) => edit.key);
        await deleteRefusedEdits(userId, boardId, saved);
        found = found.filter((edit) => !saved.includes(edit.key));
      }
      if (!cancelled) setEdits(found);
    });
    return () => void (cancelled = true);
  }, [doc, userId, boardId, everSynced, refusals]);

  const discard = useCallback(() => {
    if (userId)
      void deleteRefusedEdits(
        userId,
        boardId,
        edits.map((edit) => edit.key),
      );
    setEdits([]);
  }, [userId, boardId, edits]);

  const summary = useMemo(
    () =>
      edits.length === 0
        ? null
        : describeRefusedEdits(
            doc,
            edits.map((edit) => edit.update),
          ),
    [doc, edits],
  );
  return { count: edits.length, code: edits.at(-1)?.code ?? null, summary, discard };
}
