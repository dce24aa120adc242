/**
 * BoardBus over Redis pub/sub: one channel per board (only instances holding the board subscribe),
 * one cluster channel for board events and access changes. Pub/sub loses what is published while a
 * subscriber is disconnected; that is fine here because every update is in the PostgreSQL log and
 * rooms catch up from it (on a sequence gap, on reconnect, and by polling while Redis is down).
 */
import { randomUUID } from "node:crypto";
import { Redis } from "ioredis";
import type { BoardBus, BoardRelayMessage, ClusterMessage, Unsubscribe } from "../collab/board-bus";
import { decodeCluster, decodeRelay, encodeCluster, encodeRelay } from "./relay-codec";

export interface RedisBusOptions {
  url: string;
  /** Prefix of every channel, so tests and deployments sharing a Redis stay apart. */
  keyPrefix: string;
  log: (message: string, error?: unknown) => void;
}

type BoardHandler = (message: BoardRelayMessage) => void;

export class RedisBoardBus implements BoardBus {
  readonly instanceId = randomUUID();
  private readonly publisher: Redis;
  private readonly subscriber: Redis;
  private readonly boards = new Map<string, BoardHandler>();
  private readonly clusterHandlers: ((message: ClusterMessage) => void)[] = [];
  private readonly pushHandlers: ((available: boolean) => void)[] = [];
  private available = false;
  /** Times push became unavailable (for remit_cluster_fallbacks_total). */
  fallbacks = 0;
  private closed = false;

  private constructor(private readonly options: RedisBusOptions) {
    const common = {
      // Reconnect quickly and forever: the log covers the outage, push should come back as soon as it can.
      retryStrategy: (attempt: number) => Math.min(100 * attempt, 1000),
      maxRetriesPerRequest: 1,
      lazyConnect: true,
    };
    // No offline queue for publishing: a message that cannot go now is caught up from the log anyway.
    this.publisher = new Redis(options.url, { ...common, enableOfflineQueue: false });
    // Subscriptions wait for the connection (then autoResubscribe keeps them across reconnects).
    this.subscriber = new Redis(options.url, { ...common, autoResubscribe: true, maxRetriesPerRequest: null });
    for (const connection of [this.publisher, this.subscriber]) {
      connection.on("ready", () => this.updateAvailability());
      connection.on("close", () => this.updateAvailability());
      connection.on("end", () => this.updateAvailability());
      // ioredis reports every failed reconnect; availability changes are what matters (logged once each).
      connection.on("error", () => undefined);
    }
    this.subscriber.on("messageBuffer", (channel: Buffer, payload: Buffer) => this.onMessage(channel, payload));
  }

  /** Starts even when Redis is down (the instance serves by polling and switches to push once it is up). */
  static async connect(options: RedisBusOptions): Promise<RedisBoardBus> {
    const bus = new RedisBoardBus(options);
    const results = await Promise.allSettled([bus.publisher.connect(), bus.subscriber.connect()]);
    const subscribed = bus.subscriber.subscribe(bus.clusterChannel);
    if (results.every((result) => result.status === "fulfilled")) await subscribed;
    else {
      subscribed.catch(() => undefined);
      options.log("redis unreachable at start-up: serving by reading the database until it is back");
    }
    bus.updateAvailability();
    return bus;
  }

  /** Connection for ordinary commands (shared counters); fails fast while Redis is down. */
  get commands(): Redis {
    return this.publisher;
  }

  get pushAvailable(): boolean {
    return this.available;
  }

  private get clusterChannel(): string {
    return `${this.options.keyPrefix}cluster`;
  }

  private boardChannel(boardId: string): string {
    return `${this.options.keyPrefix}board:${boardId}`;
  }

  private updateAvailability(): void {
    const available = !this.closed && this.publisher.status === "ready" && this.subscriber.status === "ready";
    if (available === this.available) return;
    this.available = available;
    if (!available && !this.closed) {
      this.fallbacks += 1;
      this.options.log("warning: redis unreachable, cluster fan-out falls back to reading the database");
    }
    if (this.closed) return; // shutting down: nothing to fall back to
    for (const handler of this.pushHandlers) handler(available);
  }

  private onMessage(channel: Buffer, payload: Buffer): void {
    const name = channel.toString();
    try {
      if (name === this.clusterChannel) {
        const { origin, message } = decodeCluster(payload.toString());
        if (origin === this.instanceId) return;
        for (const handler of this.clusterHandlers) handler(message);
        return;
      }
      const boardId = name.slice(this.boardChannel("").length);
      const handler = this.boards.get(boardId);
      if (!handler) return;
      const { origin, message } = decodeRelay(new Uint8Array(payload.buffer, payload.byteOffset, payload.length));
      if (origin !== this.instanceId) handler(message);
    } catch (error) {
      this.options.log(`bad message on ${name}`, error);
    }
  }

  async subscribeBoard(boardId: string, onMessage: BoardHandler): Promise<Unsubscribe> {
    this.boards.set(boardId, onMessage);
    const subscribed = this.subscriber.subscribe(this.boardChannel(boardId));
    // While Redis is down the subscription waits for it; the room meanwhile polls the log.
    if (this.available) await subscribed;
    else subscribed.catch(() => undefined);
    return async () => {
      if (this.boards.get(boardId) !== onMessage) return;
      this.boards.delete(boardId);
      if (this.subscriber.status === "ready") await this.subscriber.unsubscribe(this.boardChannel(boardId));
    };
  }

  publishBoard(boardId: string, message: BoardRelayMessage): void {
    if (!this.available) return; // receivers are polling the log
    this.publisher
      .publish(this.boardChannel(boardId), Buffer.from(encodeRelay(this.instanceId, message)))
      .catch(() => undefined); // lost: receivers find the gap and read the log
  }

  publishCluster(message: ClusterMessage): void {
    this.publisher.publish(this.clusterChannel, encodeCluster(this.instanceId, message)).catch((error) => {
      this.options.log(`cluster message ${message.kind} not published`, error);
    });
  }

  onCluster(handler: (message: ClusterMessage) => void): void {
    this.clusterHandlers.push(handler);
  }

  onPushChange(handler: (available: boolean) => void): void {
    this.pushHandlers.push(handler);
  }

  async close(): Promise<void> {
    this.closed = true;
    this.updateAvailability();
    this.publisher.disconnect();
    this.subscriber.disconnect();
  }
}
