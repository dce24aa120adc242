/**
 * The board's comments, positions and workflow, loaded by a fetcher from the
 * consensus resource route. Read again (debounced) when the server announces
 * a change on the board's socket; after a reconnect (events may have been
 * missed meanwhile); and when someone new shows up on the board (a new member
 * may be a new participating delegation, and joining sends no board event).
 * Fetchers are also revalidated after our own actions, so the event our own action causes does not load the
 * data a second time (OwnActionEcho).
 */
import { useFetcher, useFetchers } from "@remix-run/react";
import { useCallback, useEffect, useRef, useState } from "react";
import { changesConsensusData } from "~/lib/board-event-message";
import { OwnActionEcho } from "~/lib/own-action-echo";
import type { loader as consensusLoader } from "~/routes/boards.$boardId_.consensus";
import type { SubscribeBoardEvents } from "./use-board-connection";

export type ConsensusData = NonNullable<ReturnType<typeof useFetcher<typeof consensusLoader>>["data"]>;

/** Several events often arrive together (a position, then the workflow it changed): one reload. */
export const RELOAD_DEBOUNCE_MS = 150;

export function consensusUrl(boardId: string): string {
  return `/boards/${boardId}/consensus`;
}

interface Options {
  boardId: string;
  subscribe: SubscribeBoardEvents;
  synced: boolean;
  /** Ids of the people on the board now (presence). */
  peopleIds: readonly string[];
}

export function useConsensusData({ boardId, subscribe, synced, peopleIds }: Options) {
  const { load, data, state } = useFetcher<typeof consensusLoader>();
  const url = consensusUrl(boardId);
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

  // Our own actions on the consensus route in flight (useFetchers lists busy fetchers only): being submitted, or
  // their revalidation running.
  const ownActions = useFetchers().filter((fetcher) => fetcher.formAction === url);
  const submitting = ownActions.some((fetcher) => fetcher.state === "submitting");
  const settled = ownActions.length === 0;
  const [echo] = useState(() => new OwnActionEcho<typeof data>());
  const latest = useRef({ submitting, data });
  latest.current = { submitting, data };
  useEffect(
    () =>
      subscribe(
        (event) =>
          changesConsensusData(event) &&
          echo.onEvent(latest.current.submitting, latest.current.data) &&
          scheduleReload(),
      ),
    [subscribe, scheduleReload, echo],
  );
  useEffect(() => {
    if (settled && echo.onSettled(data)) scheduleReload();
  }, [settled, data, echo, scheduleReload]);

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

  // Someone we have not seen on this page yet.
  const seen = useRef<Set<string> | null>(null);
  const peopleKey = [...new Set(peopleIds)].sort().join(" ");
  useEffect(() => {
    const ids = peopleKey ? peopleKey.split(" ") : [];
    const known = seen.current;
    seen.current = new Set([...(known ?? []), ...ids]);
    if (known && ids.some((id) => !known.has(id))) scheduleReload();
  }, [peopleKey, scheduleReload]);

  return { data: data ?? null, loading: state === "loading", reload };
}
