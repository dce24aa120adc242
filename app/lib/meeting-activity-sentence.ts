/** The meeting's activity entries in words (core/meeting-contract.ts MEETING_ACTIVITY); null for other kinds. */
import { delegationName, t } from "../i18n";
import { MEETING_ACTIVITY } from "../../core/meeting-contract";
import { isolate } from "./bidi";

export function describeMeetingActivity(
  kind: string,
  detail: Record<string, string | number | null>,
  actor: string,
): string | null {
  // The item title is the chair's text: isolated like every user text in a sentence.
  const title = isolate(String(detail.title ?? ""));
  const code = String(detail.delegation ?? "");
  const delegation = isolate(delegationName(code, String(detail.delegationName ?? code)));
  switch (kind) {
    case MEETING_ACTIVITY.agendaItemAdded:
      return t("meeting.activityItemAdded", { actor, title });
    case MEETING_ACTIVITY.agendaItemRemoved:
      return t("meeting.activityItemRemoved", { actor, title });
    case MEETING_ACTIVITY.agendaReordered:
      return t("meeting.activityReordered", { actor });
    case MEETING_ACTIVITY.agendaItemTaken:
      return t("meeting.activityItemTaken", { actor, title });
    case MEETING_ACTIVITY.agendaItemClosed:
      return t("meeting.activityItemClosed", { actor, title });
    case MEETING_ACTIVITY.handRaised:
      return t("meeting.activityHandRaised", { actor });
    case MEETING_ACTIVITY.handLowered:
      return t("meeting.activityHandLowered", { actor });
    case MEETING_ACTIVITY.floorGiven:
      return t("meeting.activityFloorGiven", { actor, delegation });
    case MEETING_ACTIVITY.speakingListCleared:
      return t("meeting.activityListCleared", { actor });
    default:
      return null;
  }
}
