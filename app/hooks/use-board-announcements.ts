/**
 * The board page's polite announcements of what happens without this person
 * doing it: the connection lost (only if it stays lost a few seconds) and
 * restored, closed for good, and their role changed by the chair. One message
 * at a time; the visible indicators (status pill, banners, badges) are not
 * live regions, so nothing is said twice and reconnect attempts stay silent.
 */
import { useEffect, useRef, useState } from "react";
import {
  connectionAnnouncement,
  connectionPhase,
  LOST_ANNOUNCE_DELAY_MS,
  roleChangeAnnouncement,
  type ConnectionFacts,
} from "~/lib/board-announcements";
import type { BoardRole } from "../../core/services";

export function useBoardAnnouncements(connection: ConnectionFacts, role: BoardRole, canWrite: boolean): string {
  const [message, setMessage] = useState("");
  const phase = connectionPhase(connection);
  const { closeCode } = connection;
  const lostAnnounced = useRef(false);

  useEffect(() => {
    const say = () => {
      const text = connectionAnnouncement(phase, lostAnnounced.current, closeCode);
      if (phase === "down" && text) lostAnnounced.current = true;
      if (phase === "up") lostAnnounced.current = false;
      if (text) setMessage(text);
    };
    if (phase !== "down") return say();
    const timer = window.setTimeout(say, LOST_ANNOUNCE_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [phase, closeCode]);

  const knownRole = useRef(role);
  useEffect(() => {
    if (role === knownRole.current) return;
    knownRole.current = role;
    setMessage(roleChangeAnnouncement(role, canWrite));
  }, [role, canWrite]);

  return message;
}
