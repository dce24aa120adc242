/**
 * The fan-out seam between instances. Rooms publish what other instances must see (durable updates
 * with their sequence number, awareness) and receive theirs; services publish board events and access
 * changes. One instance uses LocalBusHub (server/collab/local-bus.ts); several use Redis
 * (server/cluster/redis-board-bus.ts). Room logic only knows this interface.
 *
 * The bus may lose messages (Redis restart, slow consumer): updates carry the board's sequence number
 * and the log in the database is the source of truth, so a receiver that sees a gap catches up from it;
 * while `pushAvailable` is false, rooms poll the log instead.
 */
import type { BoardEventMessage } from "../../core/collab-protocol";
import type { BoardRole } from "../../core/services";

/** Per board, binary on the wire; only instances holding the board receive them. */
export type BoardRelayMessage =
  { kind: "update"; seq: number; data: Uint8Array } | { kind: "awareness"; data: Uint8Array };

/** Cluster-wide, small and rare. */
export type ClusterMessage =
  | { kind: "board-event"; boardId: string; event: BoardEventMessage }
  /** `withheld`: the member is outside the board's releasability now (sockets close with 4451 and this reason). */
  | { kind: "access"; boardId: string; userId: string; role: BoardRole | null; withheld?: string }
  | { kind: "sign-out"; userId: string }
  /** Sessions ended (sign-out): their sockets close. */
  | { kind: "session-ended"; sessionIds: string[] }
  /** Board archived (read-only) or restored: writers on open sockets turn read-only or back. */
  | { kind: "board-read-only"; boardId: string; readOnly: boolean };

export type Unsubscribe = () => Promise<void>;

export interface BoardBus {
  /** Resolves once subscribed: anything published after that is delivered (unless the bus loses it). */
  subscribeBoard(boardId: string, onMessage: (message: BoardRelayMessage) => void): Promise<Unsubscribe>;
  /** To every other instance holding the board. Never throws: a lost message is caught up from the log. */
  publishBoard(boardId: string, message: BoardRelayMessage): void;
  /** To every other instance. */
  publishCluster(message: ClusterMessage): void;
  onCluster(handler: (message: ClusterMessage) => void): void;
  /** False while messages may be lost wholesale (Redis unreachable): rooms poll the log instead. */
  readonly pushAvailable: boolean;
  /** Times push became unavailable since start (a metric). */
  readonly fallbacks: number;
  onPushChange(handler: (available: boolean) => void): void;
  close(): Promise<void>;
}
