/**
 * A live countdown to a silence deadline ("Silence ends in 4:59"), ticking every second. Rendered only after
 * hydration: the server's clock and the reader's differ, and the text changes every second anyway.
 */
import { useEffect, useState } from "react";
import { t } from "~/i18n";
import { countdownText } from "~/lib/consensus-labels";

export function SilenceCountdown({ deadline }: { deadline: string }) {
  const [now, setNow] = useState<number | null>(null);
  useEffect(() => {
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [deadline]);
  if (now === null) return null;
  const left = Date.parse(deadline) - now;
  if (left <= 0) return null;
  return (
    // Not a live region: a screen reader would announce it every second.
    <span className="silence-countdown" data-testid="silence-countdown">
      {t("workflow.silenceEndsIn", { time: countdownText(left) })}
    </span>
  );
}
