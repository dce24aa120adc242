/** Short-lived message after a deletion, with an Undo button. */
import { useEffect } from "react";
import { t } from "~/i18n";

interface Props {
  message: string | null;
  onUndo: () => void;
  onDismiss: () => void;
}

const VISIBLE_MS = 8000;

export function UndoNotice({ message, onUndo, onDismiss }: Props) {
  useEffect(() => {
    if (!message) return;
    const timer = window.setTimeout(onDismiss, VISIBLE_MS);
    return () => window.clearTimeout(timer);
  }, [message, onDismiss]);
  return (
    <div role="status" className={message ? "notice" : "notice notice-empty"}>
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
