/**
 * What the board page says out loud (polite live regions) about changes that
 * do not come from this person: the connection dropping and coming back, a
 * permanent close, their role changed by the chair. Pure, so the wording and
 * the "when" are unit-tested; the timers live in the hook.
 */
import { t } from "../i18n";
import { closeMessage } from "./close-messages";
import type { BoardRole } from "../../core/services";

export interface ConnectionFacts {
  status: "connecting" | "connected" | "reconnecting" | "offline";
  synced: boolean;
  everSynced: boolean;
  /** Code of a permanent close, else null. */
  closeCode: number | null;
}

/**
 * starting: the first connection (the page's own loading message covers it);
 * up: connected and in step; down: lost after having been up (or not yet in
 * step again); closed: the server ended it for good.
 */
type ConnectionPhase = "starting" | "up" | "down" | "closed";

export function connectionPhase(facts: ConnectionFacts): ConnectionPhase {
  if (facts.closeCode !== null) return "closed";
  if (!facts.everSynced) return "starting";
  return facts.status === "connected" && facts.synced ? "up" : "down";
}

/** A short outage (a reconnect that succeeds within this) is not announced at all. */
export const LOST_ANNOUNCE_DELAY_MS = 3000;

/**
 * The announcement for entering `phase`, given whether "connection lost" was
 * announced (and not yet followed by "restored"). "down" is announced by the
 * caller only once it has lasted LOST_ANNOUNCE_DELAY_MS; "restored" only
 * follows an announced loss, so a flap nobody was told about stays silent.
 */
export function connectionAnnouncement(
  phase: ConnectionPhase,
  lostAnnounced: boolean,
  closeCode: number | null,
): string | null {
  switch (phase) {
    case "closed":
      return closeMessage(closeCode ?? 0);
    case "down":
      return lostAnnounced ? null : t("connection.lost");
    case "up":
      return lostAnnounced ? t("connection.restored") : null;
    case "starting":
      return null;
  }
}

/** Said when the chair changes this person's role while the board is open. */
export function roleChangeAnnouncement(role: BoardRole, canWrite: boolean): string {
  return t(canWrite ? "board.roleChanged" : "board.roleChangedReadOnly", { role: t(`roles.${role}`) });
}
