/**
 * "Follow the chair" (decision 021): a viewing preference per user and board, kept in this browser; on by
 * default for everyone but the chair. While on, each new current item is handed to the grid to scroll to.
 */
import { useCallback, useEffect, useRef, useState } from "react";

const key = (userId: string, boardId: string) => `remit:follow-chair:${userId}:${boardId}`;

export function useFollowChair(userId: string, boardId: string, isChair: boolean) {
  const [following, setFollowing] = useState(!isChair);
  // The stored choice is read after hydration (the server renders the default).
  useEffect(() => {
    const stored = window.localStorage.getItem(key(userId, boardId));
    if (stored === "on" || stored === "off") setFollowing(stored === "on");
  }, [userId, boardId]);
  const toggle = useCallback(() => {
    setFollowing((on) => {
      window.localStorage.setItem(key(userId, boardId), on ? "off" : "on");
      return !on;
    });
  }, [userId, boardId]);
  return { following, toggle };
}

/** A request to scroll the grid to a row; `seq` changes each time, so the same row can be asked for again. */
export interface ScrollRequest {
  rowId: string;
  seq: number;
}

/** Asks the grid to scroll to the current item's first row whenever it changes (or following is turned on). */
export function useFollowScroll(firstRowId: string | null, currentItemId: string | null, following: boolean) {
  const [request, setRequest] = useState<ScrollRequest | null>(null);
  const seq = useRef(0);
  useEffect(() => {
    if (!following || !firstRowId) return;
    seq.current += 1;
    setRequest({ rowId: firstRowId, seq: seq.current });
    // Only a new item (or turning following on) scrolls, not every re-read of the same item.
    // eslint-disable-next-line react-hooks/exhaustive-deps -- firstRowId follows currentItemId
  }, [currentItemId, following]);
  return request;
}
