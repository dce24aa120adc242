/**
 * The board's comments, positions and workflow, loaded by a fetcher from the
 * consensus resource route. Read again (debounced) when the server announces
 * a change on the board's socket; after a reconnect (events may have been
 * missed meanwhile); and when someone new shows up on the board (a new member
 * may be a new participating delegation, and joining sends no board event).
 * Fetchers are also revalidated after our own actions, so the event our own action causes does not load the
 * data a second time (OwnActionEcho).
 */
import { useFetchers, type useFetcher } from "@remix-run/react";
import { useEffect, useRef, useState } from "react";
import { OwnActionEcho } from "~/lib/own-action-echo";
import type { loader as consensusLoader } from "~/routes/boards.$boardId_.consensus";
import type { SubscribeBoardEvents } from "./use-board-connection";
import { useBoardResource } from "./use-board-resource";

export type ConsensusData = NonNullable<ReturnType<typeof useFetcher<typeof consensusLoader>>["data"]>;

/** Events after which the consensus data (comments, positions, workflow, brackets) must be read again. */
const CONSENSUS_EVENT_KINDS = ["comments", "positions", "workflow", "brackets"] as const;

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
  const url = consensusUrl(boardId);
  // Our own actions on the consensus route in flight (useFetchers lists busy fetchers only): being submitted, or
  // their revalidation running.
  const ownActions = useFetchers().filter((fetcher) => fetcher.formAction === url);
  const submitting = ownActions.some((fetcher) => fetcher.state === "submitting");
  const settled = ownActions.length === 0;
  const [echo] = useState(() => new OwnActionEcho<ConsensusData | undefined>());
  const latest = useRef<{ submitting: boolean; data: ConsensusData | undefined }>({ submitting, data: undefined });

  const { fetcher, reload, scheduleReload } = useBoardResource<typeof consensusLoader>({
    url,
    kinds: CONSENSUS_EVENT_KINDS,
    subscribe,
    synced,
    needsReload: () => echo.onEvent(latest.current.submitting, latest.current.data),
  });
  const { data, state } = fetcher;
  latest.current = { submitting, data };
  useEffect(() => {
    if (settled && echo.onSettled(data)) scheduleReload();
  }, [settled, data, echo, scheduleReload]);

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
