/**
 * Presence (Yjs awareness) state. The browser only chooses `focus`; the server
 * overwrites `user` with the identity of the connection, so nobody can appear
 * as someone else.
 */
import * as z from "./zod";
import { TEXT_FIELDS } from "./board-doc";

export const PRESENCE_FIELDS = [...TEXT_FIELDS, "responsibility", "instruments", "category"] as const;
export type PresenceField = (typeof PRESENCE_FIELDS)[number];

const PresenceUserSchema = z.object({
  id: z.string().max(100),
  name: z.string().min(1).max(80),
  delegation: z.string().max(80),
  /** The delegation's code, so each reader words its name in their own language (I18N-11). */
  delegationCode: z.string().max(16).optional(),
  color: z.string().regex(/^#[0-9a-f]{6}$/i),
  /** Stamped by the server from the connection's role: false for observers and archived boards (shown "viewing"). */
  canEdit: z.boolean().optional(),
});
export type PresenceUser = z.infer<typeof PresenceUserSchema>;

const PresenceFocusSchema = z.object({
  rowId: z.string().min(1).max(64),
  field: z.enum(PRESENCE_FIELDS),
});
export type PresenceFocus = z.infer<typeof PresenceFocusSchema>;

export const PresenceStateSchema = z.object({
  user: PresenceUserSchema,
  focus: PresenceFocusSchema.nullable(),
});
export type PresenceState = z.infer<typeof PresenceStateSchema>;

/** What a client may send: only focus is read; anything else is dropped. */
export const ClientPresenceSchema = z.object({ focus: PresenceFocusSchema.nullable().catch(null) }).passthrough();

const PALETTE = [
  "#1f77b4",
  "#d62728",
  "#2ca02c",
  "#9467bd",
  "#8c564b",
  "#e377c2",
  "#17becf",
  "#bcbd22",
  "#ff7f0e",
  "#3949ab",
];

/** Stable colour for a person, so the same delegate keeps the same colour across visits. */
export function colorFor(key: string): string {
  let hash = 0;
  for (const char of key) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return PALETTE[hash % PALETTE.length];
}
