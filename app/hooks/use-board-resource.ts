/**
 * A board's resource route (consensus data, meeting) loaded by a fetcher and read again, debounced, when the server
 * announces a board event of one of the given kinds, and once synced again after a lost connection (events may have
 * been missed meanwhile).
 */
import { useFetcher } from "@remix-run/react";
import { useCallback, useEffect, useRef } from "react";
import type { BoardEventKind, BoardEventMessage } from "../../core/collab-protocol";
import type { SubscribeBoardEvents } from "./use-board-connection";

/** Several events often arrive together (a position, then the workflow it changed): one reload. */
const RELOAD_DEBOUNCE_MS = 150;

interface Options {
  url: string;
  /** The board events after which this resource must be read again. */
  kinds: readonly BoardEventKind[];
  subscribe: SubscribeBoardEvents;
  synced: boolean;
  /** Asked for each event of those kinds: false when that event needs no reload of its own (OwnActionEcho). */
  needsReload?: (event: BoardEventMessage) => boolean;
}

export function useBoardResource<Loader>({ url, kinds, subscribe, synced, needsReload }: Options) {
  const fetcher = useFetcher<Loader>();
  const { load } = fetcher;
  const reload = useCallback(() => void load(url), [load, url]);
  const timer = useRef<number | undefined>(undefined);
  const scheduleReload = useCallback(() => {
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(reload, RELOAD_DEBOUNCE_MS);
  }, [reload]);

  useEffect(() => {
    reload();
    return () => window.clearTimeout(timer.current);
  }, [reload]);

  const latest = useRef({ kinds, needsReload });
  latest.current = { kinds, needsReload };
  useEffect(
    () =>
      subscribe((event) => {
        const { kinds, needsReload } = latest.current;
        if (kinds.includes(event.kind) && (needsReload?.(event) ?? true)) scheduleReload();
      }),
    [subscribe, scheduleReload],
  );

  // Synced again after having lost the connection: catch up.
  const lostSync = useRef(false);
  const everSynced = useRef(false);
  useEffect(() => {
    if (synced) {
      if (everSynced.current && lostSync.current) scheduleReload();
      everSynced.current = true;
      lostSync.current = false;
    } else if (everSynced.current) {
      lostSync.current = true;
    }
  }, [synced, scheduleReload]);

  return { fetcher, reload, scheduleReload };
}
