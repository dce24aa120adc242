/**
 * The speaker's time left, by the server's clock (decision 021): each client keeps its offset to the server
 * (`serverNow` of the last read minus the local time it arrived) and counts from the stored start and duration,
 * so every screen shows the same time whatever its own clock says.
 */
import type { SpeakerJson } from "../../core/meeting-contract";

/** Server clock minus local clock, from a read stamped `serverNow` that arrived at local time `receivedAt`. */
export function clockOffset(serverNow: number, receivedAt: number): number {
  return serverNow - receivedAt;
}

/** Whole seconds left (never below zero), or null when the speaker has no timer. */
export function secondsLeft(speaker: SpeakerJson | null, localNow: number, offset: number): number | null {
  if (!speaker || speaker.seconds === null) return null;
  const ends = Date.parse(speaker.since) + speaker.seconds * 1000;
  return Math.max(0, Math.ceil((ends - (localNow + offset)) / 1000));
}

/** "2:05" */
export function formatSeconds(total: number): string {
  const minutes = Math.floor(total / 60);
  return `${minutes}:${String(total % 60).padStart(2, "0")}`;
}
