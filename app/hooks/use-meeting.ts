/**
 * The board's meeting (agenda, current item, speaking list, speaker, timer), loaded from the meeting resource
 * route and read again when the server announces an `agenda` or `floor` change, or after a reconnect. Keeps the
 * offset between the server's clock and this browser's (decision 021: the timer counts by the server's clock).
 */
import type { useFetcher } from "@remix-run/react";
import { useEffect, useState } from "react";
import { clockOffset } from "~/lib/floor-timer";
import type { loader as meetingLoader } from "~/routes/boards.$boardId_.meeting";
import type { SubscribeBoardEvents } from "./use-board-connection";
import { useBoardResource } from "./use-board-resource";

export type MeetingData = NonNullable<ReturnType<typeof useFetcher<typeof meetingLoader>>["data"]>;

const MEETING_EVENT_KINDS = ["agenda", "floor"] as const;

export function meetingUrl(boardId: string): string {
  return `/boards/${boardId}/meeting`;
}

export function useMeeting(boardId: string, subscribe: SubscribeBoardEvents, synced: boolean) {
  const { fetcher, reload } = useBoardResource<typeof meetingLoader>({
    url: meetingUrl(boardId),
    kinds: MEETING_EVENT_KINDS,
    subscribe,
    synced,
  });
  const { data } = fetcher;

  const [offset, setOffset] = useState(0);
  useEffect(() => {
    if (data) setOffset(clockOffset(data.meeting.serverNow, Date.now()));
  }, [data]);

  return { data: data ?? null, offset, reload };
}
