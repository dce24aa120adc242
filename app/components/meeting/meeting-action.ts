/** Posts one meeting intent with a fetcher (CSRF token included); field errors of the answer. */
import { useFetcher } from "@remix-run/react";
import { useCallback } from "react";
import { useCsrfToken } from "~/components/csrf-field";
import { meetingUrl } from "~/hooks/use-meeting";
import type { MeetingIntent } from "~/lib/meeting-forms";
import type { action as meetingAction } from "~/routes/boards.$boardId_.meeting";
import { CSRF_FIELD } from "../../../core/cookies";

export function useMeetingAction(boardId: string) {
  const fetcher = useFetcher<typeof meetingAction>();
  const csrf = useCsrfToken();
  const { submit } = fetcher;
  const send = useCallback(
    (intent: MeetingIntent, fields: Record<string, string | string[]> = {}) => {
      const body = new FormData();
      body.set(CSRF_FIELD, csrf);
      body.set("intent", intent);
      for (const [name, value] of Object.entries(fields))
        for (const one of Array.isArray(value) ? value : [value]) body.append(name, one);
      submit(body, { method: "post", action: meetingUrl(boardId) });
    },
    [submit, csrf, boardId],
  );
  const answer = fetcher.state === "idle" ? fetcher.data : undefined;
  const fieldErrors: Partial<Record<string, string>> = answer && !answer.ok ? answer.fieldErrors : {};
  return { send, fieldErrors, busy: fetcher.state !== "idle", succeeded: answer?.ok === true };
}
