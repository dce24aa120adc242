/**
 * Sends a room's document updates out once per turn of the event loop
 * (PERF-1, PERF-35). A run of consecutive updates from one connection (at
 * most MERGE_RUN) becomes one update frame, encoded once: the same bytes go
 * to every receiver but that connection, which has them. A receiver's frames
 * of one turn leave in one socket write (CollabConnection.sendMany), each
 * still its own message, as a stock y-websocket client reads them.
 *
 * Costs that decide the shape (measured under P4's load and in-process):
 * one frame to one receiver ~1.2 µs; Y.mergeUpdates ~2-6 µs per update for
 * up to a few hundred updates, but more per update the longer its input
 * (~18 µs at 1,000: merging whole turns of 10 writers was a quarter to a third
 * of the server's CPU under P4). So runs are merged, short; and a turn of many
 * connections' updates in a big room (where runs × receivers frames would
 * cost more than merging the turn) is merged in chunks of MERGE_TURN_MAX, for
 * everyone (applying a known update again is a no-op in Yjs).
 */
import * as Y from "yjs";
import type { CollabConnection } from "./connection";
import { encodeUpdate } from "./frames";

/** Longest run of one connection's updates merged into one frame. */
export const MERGE_RUN = 64;
/** Longest stretch of a turn merged into one frame (merging costs more per update the longer its input). */
export const MERGE_TURN_MAX = 256;
/** A turn is merged (in chunks of MERGE_TURN_MAX) when its frames (runs × receivers) outnumber its updates this many times. */
const FRAMES_PER_UPDATE_MERGED = 4;

/** Origin of a frame holding several connections' updates: nobody is skipped. */
const MIXED = Symbol("mixed origins");

interface OutgoingFrame {
  frame: Uint8Array;
  origin: unknown;
}

export class BroadcastBatch {
  private updates: Uint8Array[] = [];
  private origins: unknown[] = [];
  private scheduled = false;

  constructor(private readonly receivers: () => Iterable<CollabConnection>) {}

  add(update: Uint8Array, origin: unknown): void {
    this.updates.push(update);
    this.origins.push(origin);
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => this.flush());
  }

  /** Sends what is pending now. */
  flush(): void {
    this.scheduled = false;
    if (this.updates.length === 0) return;
    const { updates, origins } = this;
    this.updates = [];
    this.origins = [];
    const receivers = [...this.receivers()];
    const runs = runsOf(origins);
    const frames: OutgoingFrame[] =
      runs.length > 1 && runs.length * receivers.length > FRAMES_PER_UPDATE_MERGED * updates.length
        ? mergedChunks(updates, origins)
        : runs.map(([start, end]) => ({
            frame: encodeUpdate(merged(updates.slice(start, end))),
            origin: origins[start],
          }));
    const all = frames.map((outgoing) => outgoing.frame);
    for (const connection of receivers) {
      const own = frames.some((outgoing) => outgoing.origin === connection);
      const mine = own ? frames.filter((outgoing) => outgoing.origin !== connection).map((o) => o.frame) : all;
      if (mine.length === 1) connection.send(mine[0]);
      else if (mine.length > 1 && connection.sendMany) connection.sendMany(mine);
      else for (const frame of mine) connection.send(frame);
      // The updates leave now, with whatever the turn queued for this socket before them (PERF-70).
      connection.flushWrites?.();
    }
  }
}

const merged = (updates: Uint8Array[]) => (updates.length === 1 ? updates[0] : Y.mergeUpdates(updates));

/** The whole turn in merged chunks of at most MERGE_TURN_MAX, for everyone (but a lone origin). */
function mergedChunks(updates: Uint8Array[], origins: unknown[]): OutgoingFrame[] {
  const lone = origins.every((origin) => origin === origins[0]) ? origins[0] : MIXED;
  const frames: OutgoingFrame[] = [];
  for (let start = 0; start < updates.length; start += MERGE_TURN_MAX)
    frames.push({ frame: encodeUpdate(merged(updates.slice(start, start + MERGE_TURN_MAX))), origin: lone });
  return frames;
}

/** [start, end) of each run of one origin's consecutive updates, at most MERGE_RUN long. */
function runsOf(origins: unknown[]): [number, number][] {
  const runs: [number, number][] = [];
  for (let start = 0; start < origins.length;) {
    let end = start + 1;
    while (end < origins.length && end - start < MERGE_RUN && origins[end] === origins[start]) end++;
    runs.push([start, end]);
    start = end;
  }
  return runs;
}
