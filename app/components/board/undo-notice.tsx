/** Short-lived message after a deletion, with an Undo button. It stays while the pointer or the keyboard focus is on it. */
import { useEffect, useState } from "react";
import { t } from "~/i18n";

interface Props {
  message: string | null;
  onUndo: () => void;
  onDismiss: () => void;
}

/** Long enough to notice a deletion made by mistake and come back to it (the undo stack keeps it after). */
const VISIBLE_MS = 30_000;

export function UndoNotice({ message, onUndo, onDismiss }: Props) {
  // Someone tabbing to "Undo" (or reading it) must not have it vanish under them.
  const [held, setHeld] = useState(false);
  useEffect(() => {
    if (!message) setHeld(false);
  }, [message]);
  useEffect(() => {
    if (!message || held) return;
    const timer = window.setTimeout(onDismiss, VISIBLE_MS);
    return () => window.clearTimeout(timer);
  }, [message, onDismiss, held]);
  const hold = () => setHeld(true);
  const release = () => setHeld(false);
  return (
    <div
      role="status"
      className={message ? "notice notice-toast" : "notice notice-toast notice-empty"}
      data-testid="undo-notice"
      onFocus={hold}
      onBlur={(event) => !event.currentTarget.contains(event.relatedTarget as Node | null) && release()}
      onMouseEnter={hold}
      onMouseLeave={release}
    >
      {message && (
        <>
          {message}{" "}
          <button
            type="button"
            className="link-button"
            onClick={() => {
              onUndo();
              onDismiss();
            }}
          >
            {t("board.undo")}
          </button>
        </>
      )}
    </div>
  );
}
