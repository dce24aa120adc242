/** The speaker's time left, ticking each second by the server's clock (app/lib/floor-timer.ts). */
import { useEffect, useState } from "react";
import { t } from "~/i18n";
import { formatSeconds, secondsLeft } from "~/lib/floor-timer";
import type { SpeakerJson } from "../../../core/meeting-contract";

export function SpeakerTimer({ speaker, offset }: { speaker: SpeakerJson; offset: number }) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const tick = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(tick);
  }, []);
  const left = secondsLeft(speaker, now, offset);
  if (left === null) return null;
  return (
    <span className={left === 0 ? "speaker-timer speaker-timer-up" : "speaker-timer"} data-testid="speaker-timer">
      {left === 0 ? t("meeting.timeUp") : t("meeting.timeLeft", { time: formatSeconds(left) })}
    </span>
  );
}
