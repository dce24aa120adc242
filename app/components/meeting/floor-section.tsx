/**
 * The tour de table: who has the floor (for everyone, with the time left), the own delegation's hand, and for the
 * chair the speaking list in order with "give the floor", the timer, "end the intervention" and "clear the list".
 */
import { useId } from "react";
import { delegationName, t } from "~/i18n";
import { formatLocalDateTime } from "~/lib/local-time";
import { INTERVENTION_SECONDS, type MeetingJson } from "../../../core/meeting-contract";
import type { useMeetingAction } from "./meeting-action";
import { SpeakerTimer } from "./speaker-timer";

interface Props {
  meeting: MeetingJson;
  offset: number;
  myDelegation: string;
  isChair: boolean;
  canRaiseHand: boolean;
  action: ReturnType<typeof useMeetingAction>;
}

export function FloorSection({ meeting, offset, myDelegation, isChair, canRaiseHand, action }: Props) {
  const { send } = action;
  const timerId = useId();
  const { speaker, speakingList } = meeting;
  const myPlace = speakingList.findIndex((hand) => hand.delegationCode === myDelegation);
  return (
    <div className="floor-section">
      <h3>{t("meeting.floorHeading")}</h3>
      <p className="floor-speaker" data-testid="floor-speaker" data-delegation={speaker?.delegationCode}>
        {speaker
          ? t("meeting.speaker", { delegation: delegationName(speaker.delegationCode, speaker.delegationName) })
          : t("meeting.speakerNone")}
        {speaker && <SpeakerTimer speaker={speaker} offset={offset} />}
      </p>
      {canRaiseHand && (
        <p className="floor-hand">
          {myPlace >= 0 ? (
            <>
              <span data-testid="hand-place">{t("meeting.handUp", { n: myPlace + 1 })}</span>{" "}
              <button
                type="button"
                className="button-small"
                data-testid="lower-hand"
                onClick={() => send("lower-hand")}
              >
                {t("meeting.lowerHand")}
              </button>
            </>
          ) : (
            <button type="button" className="button" data-testid="raise-hand" onClick={() => send("raise-hand")}>
              {t("meeting.raiseHand")}
            </button>
          )}
        </p>
      )}
      {isChair && (
        <div className="floor-chair">
          <h4>{t("meeting.listHeading")}</h4>
          {speakingList.length === 0 ? (
            <p className="muted">{t("meeting.listEmpty")}</p>
          ) : (
            <ol className="speaking-list" data-testid="speaking-list">
              {speakingList.map((hand) => (
                <li key={hand.delegationCode} data-testid="speaking-list-entry" data-delegation={hand.delegationCode}>
                  <strong>{delegationName(hand.delegationCode, hand.delegationName)}</strong>{" "}
                  <span className="small">
                    {t("meeting.raisedBy", { name: hand.raisedByName, time: formatLocalDateTime(hand.raisedAt) })}
                  </span>{" "}
                  <button
                    type="button"
                    className="button-small"
                    onClick={() => send("give-floor", { delegationCode: hand.delegationCode })}
                  >
                    {t("meeting.give", { delegation: delegationName(hand.delegationCode, hand.delegationName) })}
                  </button>
                </li>
              ))}
            </ol>
          )}
          <div className="floor-chair-controls">
            <label htmlFor={timerId}>{t("meeting.timer")}</label>
            <select
              id={timerId}
              data-testid="floor-timer"
              value={meeting.timerSeconds === null ? "" : String(meeting.timerSeconds)}
              onChange={(event) => send("set-timer", { seconds: event.target.value })}
            >
              <option value="">{t("meeting.timerNone")}</option>
              {INTERVENTION_SECONDS.map((seconds) => (
                <option key={seconds} value={String(seconds)}>
                  {t("meeting.timerMinutes", { n: seconds / 60 })}
                </option>
              ))}
            </select>
            {speaker && (
              <button type="button" className="button-small" onClick={() => send("end-intervention")}>
                {t("meeting.endIntervention")}
              </button>
            )}
            {speakingList.length > 0 && (
              <button type="button" className="button-small" onClick={() => send("clear-list")}>
                {t("meeting.clearList")}
              </button>
            )}
          </div>
        </div>
      )}
    </div>
  );
}
