import type { PresenceUser } from "../../app/lib/presence";

/**
 * One client's link to a room, independent of the transport (ws in
 * production). The identity is decided by the server at the upgrade.
 */
export interface CollabConnection {
  readonly id: string;
  /** Who is at the other end; shown to others as presence. */
  readonly user: PresenceUser;
  /** Account id stamped on persisted updates; null for anonymous test peers. */
  readonly authorId: string | null;
  /** Whether updates from this connection may change the document (observers: false). Read on every frame so role changes apply at once. */
  canWrite(): boolean;
  send(frame: Uint8Array): void;
  close(code: number, reason: string): void;
}
