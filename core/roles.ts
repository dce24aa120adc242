import type { BoardRole } from "./domain";

/** What each role may do. One table, read by services, the collaboration server and the UI. */
export const ROLE_CAN = {
  edit: (role: BoardRole) => role === "chair" || role === "delegate",
  comment: (role: BoardRole) => role === "chair" || role === "delegate",
  manageMembers: (role: BoardRole) => role === "chair",
  manageBoard: (role: BoardRole) => role === "chair",
  /** The agenda, the speaking list, the floor and the timer (decision 021). */
  chairMeeting: (role: BoardRole) => role === "chair",
  /** Raise or lower the own delegation's hand: those who speak in the room, not observers (decision 021). */
  askForFloor: (role: BoardRole) => role === "chair" || role === "delegate",
} as const;

const RANK: Record<BoardRole, number> = { observer: 0, delegate: 1, chair: 2 };

export function higherRole(a: BoardRole, b: BoardRole): BoardRole {
  return RANK[a] >= RANK[b] ? a : b;
}
