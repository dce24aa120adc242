/**
 * The board's meeting (agenda, current item, speaking list, speaker, timer), loaded from the meeting resource
 * route and read again when the server announces an `agenda` or `floor` change, or after a reconnect. Keeps the
 * offset between the server's clock and this browser's (decision 021: the timer counts by the server's clock).
 */
import { useFetcher } from "@remix-run/react";
import { useCallback, useEffect, useRef, useState } from "react";
import { clockOffset } from "~/lib/floor-timer";
import type { loader as meetingLoader } from "~/routes/boards.$boardId_.meeting";
import type { SubscribeBoardEvents } from "./use-board-connection";
import { RELOAD_DEBOUNCE_MS } from "./use-consensus-data";

export type MeetingData = NonNullable<ReturnType<typeof useFetcher<typeof meetingLoader>>["data"]>;

export function meetingUrl(boardId: string): string {
  return `/boards/${boardId}/meeting`;
}

export function useMeeting(boardId: string, subscribe: SubscribeBoardEvents, synced: boolean) {
  const { load, data } = useFetcher<typeof meetingLoader>();
  const url = meetingUrl(boardId);
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
  useEffect(
    () => subscribe((event) => (event.kind === "agenda" || event.kind === "floor") && scheduleReload()),
    [subscribe, scheduleReload],
  );
  // Events may have been missed while disconnected: read again once synced.
  const wasSynced = useRef(synced);
  useEffect(() => {
    if (synced && !wasSynced.current) scheduleReload();
    wasSynced.current = synced;
  }, [synced, scheduleReload]);

  const [offset, setOffset] = useState(0);
  useEffect(() => {
    if (data) setOffset(clockOffset(data.meeting.serverNow, Date.now()));
  }, [data]);

  return { data: data ?? null, offset, reload };
}
