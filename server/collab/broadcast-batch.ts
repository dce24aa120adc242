/**
 * Sends a room's document updates out once per turn of the event
 * loop instead of once per incoming frame: the updates that arrived from all
 * sockets in one turn are merged (Y.mergeUpdates) and encoded once, and each
 * receiver gets one frame per batch — one socket write each, not one per
 * update per receiver. (Presence has its own coalescing: COLLAB-21.)
 *
 * The only origin of a batch does not get it back (it has it); a batch from
 * several senders goes to everyone, as the reference y-websocket server does
 * for every update (applying a known update again is a no-op in Yjs).
 */
import * as Y from "yjs";
import type { CollabConnection } from "./connection";

export class BroadcastBatch<Item> {
  private items: Item[] = [];
  private readonly origins = new Set<unknown>();
  private scheduled = false;

  constructor(
    /** Encodes a batch into one frame. */
    private readonly encode: (items: Item[]) => Uint8Array,
    private readonly receivers: () => Iterable<CollabConnection>,
  ) {}

  add(item: Item, origin: unknown): void {
    this.items.push(item);
    this.origins.add(origin);
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => this.flush());
  }

  /** Sends what is pending now (also called before anything that must follow it on the wire). */
  flush(): void {
    this.scheduled = false;
    if (this.items.length === 0) return;
    const frame = this.encode(this.items);
    const only = this.origins.size === 1 ? this.origins.values().next().value : undefined;
    this.items = [];
    this.origins.clear();
    for (const connection of this.receivers()) if (connection !== only) connection.send(frame);
  }
}

/** One update holding a batch of updates (the single one as it is). */
export const mergeBatch = (updates: Uint8Array[]): Uint8Array =>
  updates.length === 1 ? updates[0] : Y.mergeUpdates(updates);
