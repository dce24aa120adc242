/** A polite live message when the server undid our edit of an agreed (locked) row. */
import { useEffect, useState } from "react";
import type { SubscribeBoardEvents } from "~/hooks/use-board-connection";
import { t } from "~/i18n";

const VISIBLE_MS = 8000;

export function RowLockedNotice({ subscribe }: { subscribe: SubscribeBoardEvents }) {
  const [message, setMessage] = useState<string | null>(null);

  useEffect(() => {
    let timer: number | undefined;
    const unsubscribe = subscribe((event) => {
      if (event.kind !== "row-locked") return;
      // Our own words, not the server's: every UI string is translated.
      setMessage(t("workflow.rowLocked"));
      window.clearTimeout(timer);
      timer = window.setTimeout(() => setMessage(null), VISIBLE_MS);
    });
    return () => {
      unsubscribe();
      window.clearTimeout(timer);
    };
  }, [subscribe]);

  // Always in the DOM, so screen readers pick up the change.
  return (
    <div
      role="status"
      className={message ? "notice notice-warning" : "notice notice-empty"}
      data-testid="row-locked-notice"
    >
      {message}
    </div>
  );
}
