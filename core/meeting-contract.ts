/**
 * The meeting as browser and server see it (decision 021): the agenda with its current item, and the tour de
 * table (speaking list, speaker, intervention timer). Stored with Prisma (AgendaItem, BoardMeeting, FloorRequest);
 * what the board page reads and what the activity log records.
 */

/** Intervention times the chair may choose, in seconds (null = no timer). */
export const INTERVENTION_SECONDS = [60, 120, 180, 300] as const;

/** Most agenda items on one board, most rows in one item, longest title: bounds the work of one request. */
export const AGENDA_LIMITS = { items: 200, rowsPerItem: 500, titleChars: 200 } as const;

/**
 * Activity log kinds written by the meeting (ActivityEntry.kind); `detail` is JSON as noted.
 * The record of the meeting reads `agenda-item-taken` (detail: itemId, title, position) for the items taken and when.
 */
export const MEETING_ACTIVITY = {
  /** detail: { itemId, title } */
  agendaItemAdded: "agenda-item-added",
  /** detail: { itemId, title } */
  agendaItemRemoved: "agenda-item-removed",
  /** detail: { order } (comma-separated item ids) */
  agendaReordered: "agenda-reordered",
  /** The chair made the item current. detail: { itemId, title, position } (position 1-based) */
  agendaItemTaken: "agenda-item-taken",
  /** The chair left the item (another one or none became current). detail: { itemId, title } */
  agendaItemClosed: "agenda-item-closed",
  /** detail: { delegation } */
  handRaised: "hand-raised",
  /** detail: { delegation } */
  handLowered: "hand-lowered",
  /** detail: { delegation, delegationName, seconds } (the speaker; seconds: the intervention time, or null) */
  floorGiven: "floor-given",
  /** detail: {} */
  speakingListCleared: "speaking-list-cleared",
} as const;

export interface AgendaItemJson {
  id: string;
  /** 0-based order. */
  position: number;
  title: string;
  rowIds: string[];
  startedAt: string | null;
  closedAt: string | null;
}

interface FloorRequestJson {
  delegationCode: string;
  delegationName: string;
  raisedByName: string;
  raisedAt: string;
}

export interface SpeakerJson {
  delegationCode: string;
  delegationName: string;
  since: string;
  /** The intervention time given, in seconds; null = no timer. */
  seconds: number | null;
}

export interface MeetingJson {
  items: AgendaItemJson[];
  currentItemId: string | null;
  /** Raised hands, in the order the server received them. */
  speakingList: FloorRequestJson[];
  speaker: SpeakerJson | null;
  /** The chair's chosen intervention time for the next speakers; null = no timer. */
  timerSeconds: number | null;
  /** The server's clock when this was read (ms since epoch): clients compute their offset from it. */
  serverNow: number;
}
