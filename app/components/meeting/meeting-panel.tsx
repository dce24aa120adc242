/**
 * The meeting on the board page (decision 021): the item under discussion and "follow the chair", the agenda,
 * the tour de table, and a polite announcement when the floor is given to this person's delegation.
 */
import { useEffect, useRef, useState } from "react";
import { t } from "~/i18n";
import type { MeetingData } from "~/hooks/use-meeting";
import { ROLE_CAN } from "../../../core/roles";
import type { BoardRole } from "../../../core/services";
import { AgendaSection } from "./agenda-section";
import { FloorSection } from "./floor-section";
import { useMeetingAction } from "./meeting-action";

interface Props {
  boardId: string;
  data: MeetingData;
  offset: number;
  role: BoardRole;
  archived: boolean;
  following: boolean;
  onToggleFollow: () => void;
  titleOf: (rowId: string) => string | null;
  rows: readonly { id: string; title: string }[];
}

/** "You have the floor" once each time the floor is given to my delegation (not on every re-read). */
function useFloorAnnouncement(data: MeetingData): string {
  const [message, setMessage] = useState("");
  const announcedFor = useRef<string | null>(null);
  const { speaker } = data.meeting;
  const mine = speaker?.delegationCode === data.me.delegationCode ? speaker : null;
  useEffect(() => {
    const key = mine ? mine.since : null;
    if (key === announcedFor.current) return;
    announcedFor.current = key;
    if (!mine) setMessage("");
    else
      setMessage(
        mine.seconds === null ? t("meeting.youHaveFloor") : t("meeting.youHaveFloorTimed", { n: mine.seconds / 60 }),
      );
  }, [mine]);
  return message;
}

export function MeetingPanel({
  boardId,
  data,
  offset,
  role,
  archived,
  following,
  onToggleFollow,
  titleOf,
  rows,
}: Props) {
  const action = useMeetingAction(boardId);
  const { meeting } = data;
  const isChair = ROLE_CAN.chairMeeting(role) && !archived;
  const current = meeting.items.find((item) => item.id === meeting.currentItemId) ?? null;
  const announcement = useFloorAnnouncement(data);
  return (
    <section className="meeting-panel board-section" aria-labelledby="meeting-heading" data-testid="meeting-panel">
      <h2 id="meeting-heading">{t("meeting.heading")}</h2>
      <div className="meeting-now">
        <p data-testid="meeting-current">
          {current ? t("meeting.current", { title: current.title }) : t("meeting.noCurrent")}
        </p>
        <button
          type="button"
          className="button-small"
          aria-pressed={following}
          aria-describedby="follow-chair-hint"
          data-testid="follow-chair"
          onClick={onToggleFollow}
        >
          {t("meeting.follow")}
        </button>
        <span id="follow-chair-hint" className="visually-hidden">
          {t("meeting.followHint")}
        </span>
      </div>
      <div role="status" className="visually-hidden" data-testid="floor-announcer">
        {announcement}
      </div>
      <div className="meeting-columns">
        <AgendaSection
          items={meeting.items}
          currentItemId={meeting.currentItemId}
          isChair={isChair}
          titleOf={titleOf}
          rows={rows}
          action={action}
        />
        <FloorSection
          meeting={meeting}
          offset={offset}
          myDelegation={data.me.delegationCode}
          isChair={isChair}
          canRaiseHand={ROLE_CAN.askForFloor(role) && !archived}
          action={action}
        />
      </div>
    </section>
  );
}
