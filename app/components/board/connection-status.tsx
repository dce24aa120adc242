/**
 * Small indicator of the live connection: colour + text. Not a live region (every
 * reconnect attempt would be read out): useBoardAnnouncements says what matters.
 */
import { useSyncExternalStore } from "react";
import type { SaveStatus, ConnectionStatus as Status } from "~/hooks/use-board-connection";
import { t } from "~/i18n";

interface Props {
  status: Status;
  synced: boolean;
  /** Local edits not yet acknowledged as committed by the server (COLLAB-23): read here, not by the page. */
  saves: SaveStatus;
  /** Edits the server refused, kept aside (COLLAB-29): never "all saved" while there are any. */
  refused?: number;
  /** False once this person may no longer write (made observer, board archived): unsaved edits then wait (COLLAB-40). */
  canWrite?: boolean;
}

/** Two digits, as wide as any count up to 99 (tabular figures, app.css). */
const WIDEST_COUNT = 88;

/** Truthful save state: only the server's acknowledgements make an edit "saved". */
function saveLabel(status: Status, unsaved: number, refused: number, canWrite: boolean): string {
  if (refused > 0 && unsaved === 0) {
    return refused === 1 ? t("refusedEdits.statusOne") : t("refusedEdits.statusMany", { count: refused });
  }
  if (unsaved === 0) return t("connection.allSaved");
  // The server keeps them aside and takes them if writing is given back (COLLAB-30); "Saving…" would be untrue.
  if (!canWrite)
    return unsaved === 1 ? t("connection.unsavedReadOnlyOne") : t("connection.unsavedReadOnlyMany", { count: unsaved });
  const count = unsaved === 1 ? t("connection.unsavedOne") : t("connection.unsavedMany", { count: unsaved });
  return status === "connected" ? `${t("connection.saving")} ${count}` : count;
}

export function ConnectionStatus({ status, synced, saves, refused = 0, canWrite = true }: Props) {
  const unsaved = useSyncExternalStore(saves.subscribe, saves.unsaved, saves.unsaved);
  const label = status === "connected" && !synced ? t("connection.loading") : t(`connection.${status}`);
  return (
    <div
      className={`connection connection-${status}`}
      data-testid="connection-status"
      data-status={status}
      data-synced={synced}
    >
      <span className="connection-dot" aria-hidden="true" />
      {label}
      {/* As wide as the label while edits are in flight (data-fits: up to 99, drawn invisible by app.css): the
          label alternates with "all saved" at every keystroke, and a pill that grew and shrank with it moved the
          header and made the browser paint and layerize the whole page twice per keystroke (GRID-17). */}
      <span
        className="save-status"
        data-testid="save-status"
        data-unsaved={unsaved}
        data-refused={refused}
        data-fits={` · ${saveLabel(status, WIDEST_COUNT, 0, canWrite)}`}
      >
        {" · "}
        {saveLabel(status, unsaved, refused, canWrite)}
      </span>
    </div>
  );
}
