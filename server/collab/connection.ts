import type { PresenceUser } from "../../core/presence";

/** The account behind a connection, as recorded in the update log and activity feed. */
export interface ConnectionActor {
  userId: string;
  name: string;
  delegationCode: string;
  delegationName: string;
}

/**
 * One client's link to a room, independent of the transport (ws in
 * production). The identity is decided by the server at the upgrade.
 */
export interface CollabConnection {
  readonly id: string;
  /** Who is at the other end; shown to others as presence. */
  readonly user: PresenceUser;
  /** Account stamped on persisted updates and activity; null for server-side peers. */
  readonly actor: ConnectionActor | null;
  /** Whether updates from this connection may change the document (observers: false). Read on every frame so role changes apply at once. */
  canWrite(): boolean;
  send(frame: Uint8Array): void;
  /** Sends several frames in one socket write, each still its own message (optional: send() each otherwise). */
  sendMany?(frames: Uint8Array[]): void;
  /** Writes at once what this turn has queued for the socket (PERF-70 holds a turn's frames for one write). */
  flushWrites?(): void;
  close(code: number, reason: string): void;
  /** Back-pressure: stop reading frames from this client until resume() (optional for test peers). */
  pause?(): void;
  resume?(): void;
}

/**
 * Origin of the transaction that applies a connection's update. A typed
 * wrapper with a guard (as Hocuspocus does) instead of casting whatever
 * `transaction.origin` holds: storage replays, undo managers and server-side
 * edits have other origins.
 */
export interface ConnectionOrigin {
  readonly source: "connection";
  readonly connection: CollabConnection;
}

export const connectionOrigin = (connection: CollabConnection): ConnectionOrigin => ({
  source: "connection",
  connection,
});

export function isConnectionOrigin(origin: unknown): origin is ConnectionOrigin {
  return typeof origin === "object" && origin !== null && (origin as Partial<ConnectionOrigin>).source === "connection";
}
