/**
 * Who is on the board, from awareness states. The server stamps `user` into
 * every state, so states without a valid user are ignored (including our own
 * until the server's version of it arrives).
 */
import { useCallback, useEffect, useRef, useState } from "react";
import { PresenceStateSchema, type PresenceFocus, type PresenceUser } from "../../core/presence";
import type { Awareness } from "./use-board-connection";

export interface PresenceEntry {
  clientId: number;
  user: PresenceUser;
  focus: PresenceFocus | null;
  isLocal: boolean;
}

function readPresence(awareness: Awareness): PresenceEntry[] {
  const entries: PresenceEntry[] = [];
  awareness.getStates().forEach((state, clientId) => {
    const parsed = PresenceStateSchema.safeParse(state);
    if (!parsed.success) return;
    entries.push({ clientId, ...parsed.data, isLocal: clientId === awareness.clientID });
  });
  return entries.sort((a, b) => a.clientId - b.clientId);
}

export function usePresence(awareness: Awareness | null): PresenceEntry[] {
  const [entries, setEntries] = useState<PresenceEntry[]>([]);
  useEffect(() => {
    if (!awareness) {
      setEntries([]);
      return;
    }
    const update = () => setEntries(readPresence(awareness));
    awareness.on("change", update);
    update();
    return () => awareness.off("change", update);
  }, [awareness]);
  return entries;
}

/** Sets which field this person is editing (null when none); skips repeats. */
export function useLocalFocus(awareness: Awareness | null): (focus: PresenceFocus | null) => void {
  const last = useRef<string>("null");
  return useCallback(
    (focus: PresenceFocus | null) => {
      if (!awareness) return;
      const key = JSON.stringify(focus);
      if (key === last.current) return;
      last.current = key;
      awareness.setLocalStateField("focus", focus);
    },
    [awareness],
  );
}
