/**
 * In-process BoardBus: a hub that several "instances" in one process connect to (the default for a single
 * instance, and unit tests of fan-out without Redis). Delivery is asynchronous, like a network.
 */
import type { BoardBus, BoardRelayMessage, ClusterMessage, Unsubscribe } from "./board-bus";

type BoardHandler = (message: BoardRelayMessage) => void;

export class LocalBusHub {
  private readonly members = new Set<LocalBus>();

  connect(): BoardBus {
    const bus = new LocalBus(this.members);
    this.members.add(bus);
    return bus;
  }
}

class LocalBus implements BoardBus {
  readonly pushAvailable = true;
  readonly fallbacks = 0;
  readonly boards = new Map<string, Set<BoardHandler>>();
  readonly clusterHandlers: ((message: ClusterMessage) => void)[] = [];

  constructor(private readonly members: Set<LocalBus>) {}

  async subscribeBoard(boardId: string, onMessage: BoardHandler): Promise<Unsubscribe> {
    const handlers = this.boards.get(boardId) ?? new Set<BoardHandler>();
    handlers.add(onMessage);
    this.boards.set(boardId, handlers);
    return async () => {
      handlers.delete(onMessage);
      if (handlers.size === 0) this.boards.delete(boardId);
    };
  }

  publishBoard(boardId: string, message: BoardRelayMessage): void {
    for (const member of this.members) {
      if (member === this) continue;
      for (const handler of member.boards.get(boardId) ?? []) setImmediate(() => handler(message));
    }
  }

  publishCluster(message: ClusterMessage): void {
    for (const member of this.members) {
      if (member === this) continue;
      for (const handler of member.clusterHandlers) setImmediate(() => handler(message));
    }
  }

  onCluster(handler: (message: ClusterMessage) => void): void {
    this.clusterHandlers.push(handler);
  }

  onPushChange(): void {
    // Always available.
  }

  async close(): Promise<void> {
    this.members.delete(this);
  }
}
