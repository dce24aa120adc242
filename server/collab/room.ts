/**
 * One live board: its Y.Doc, its awareness and the connections on it.
 * Knows nothing about ws or Prisma: frames in, frames out, storage through UpdateStore.
 *
 * Integrity (docs/collab-spec.md COLLAB-16..22): an update is checked against
 * the board schema before it is applied; what a transaction emits is only
 * broadcast and stored once the whole apply succeeded; a Yjs exception while
 * applying poisons the room, which reloads itself from storage and resyncs its
 * clients instead of serving a wedged document.
 */
import * as Y from "yjs";
import * as awarenessProtocol from "y-protocols/awareness";
import { CloseCode, CloseReason } from "../../core/collab-protocol";
import { getRowsType, getRowText, listRowIds } from "../../core/board-doc";
import { BroadcastBatch } from "./broadcast-batch";
import { describeRowEvents, type BoardChange } from "./board-changes";
import { NO_METRICS, type CollabMetrics } from "./collab-metrics";
import {
  connectionOrigin,
  isConnectionOrigin,
  type CollabConnection,
  type ConnectionActor,
  type ConnectionOrigin,
} from "./connection";
import {
  decodeClientFrame,
  encodeAck,
  encodeAwareness,
  encodeBoardEvent,
  encodeSyncStep1,
  encodeSyncStep2,
  encodeUpdate,
} from "./frames";
import { decodeAwarenessEntries, encodeAwarenessEntries, stampPresence } from "./presence-stamp";
import { checkUpdate, type UpdateRule } from "./update-validation";
import type { StoredBoardState, UpdateStore } from "./update-store";
import { UpdatePersister } from "./update-persister";
import type { TaskLimiter } from "./task-limiter";
import type { BoardRelayMessage } from "./board-bus";
import { SequenceTracker } from "./sequence-tracker";

export interface RoomOptions {
  /** Compact the update log into a snapshot after at least this many persisted updates. */
  compactEvery: number;
  /** How far past compactEvery each compaction may start, at random, as a fraction of it (PERF-74; 0: exactly). */
  compactSpread?: number;
  /** Writes an observer may attempt before being disconnected. */
  maxRejectedWrites: number;
  log: (message: string, error?: unknown) => void;
  /** Receives what each accepted update changed, in words, with who sent it. */
  onActivity?: (boardId: string, actor: ConnectionActor, changes: BoardChange[]) => void;
  /** Rows nobody may edit (agreed rows); an update touching one is undone at once. */
  lockedRows?: (boardId: string) => ReadonlySet<string>;
  /** Sends to the other instances holding the board (see board-bus.ts); absent for a lone instance. */
  publish?: (boardId: string, message: BoardRelayMessage) => void;
  /** How long a gap in relayed sequence numbers may last (the missing one may still be in flight). */
  gapGraceMs?: number;
  /** At most one relayed presence state per client per this many ms (0: relay at once). */
  awarenessIntervalMs?: number;
  /** How long an update may wait for changes it depends on before its sender is closed. */
  pendingTimeoutMs?: number;
  /** A Yjs exception while applying an update poisoned the room (it reloads itself). */
  onPoisoned?: (boardId: string, error: unknown) => void;
  /** An update was refused (the sender closed with 4422) for this rule. */
  onRefused?: (boardId: string, rule: UpdateRule | "client-id") => void;
  /** Shared by every room of the server: bounds concurrent compactions. */
  compactions?: TaskLimiter;
  metrics?: CollabMetrics;
  /**
   * Back-pressure (COLLAB-24): when this many updates (or 16 MiB) wait to be written, the room stops
   * reading from the sockets that keep sending, until the backlog is half as long.
   */
  maxWriteBacklog?: number;
}

const DEFAULT_MAX_WRITE_BACKLOG = 2000;
/** Position of a frame whose update is held (pending dependencies): never durable until it is applied. */
const HELD = Number.POSITIVE_INFINITY;
const MAX_WRITE_BACKLOG_BYTES = 16 * 1024 * 1024;

/** Origin of transactions that replay stored state; those are not persisted again. */
const STORAGE_ORIGIN = Symbol("storage");
/** Origin of updates another instance made durable (relayed or caught up from the log): sent on, not stored. */
const RELAY_ORIGIN = Symbol("relay");
const DEFAULT_PENDING_TIMEOUT_MS = 5_000;

/** Origin of a change the server makes itself (the chair resolving a bracket): stored under its author. */
class ServerOrigin {
  constructor(readonly authorId: string | null) {}
}
/** Updates one connection may have waiting for their dependencies. */
const MAX_HELD_UPDATES = 32;
const RELOAD_RETRY_DELAYS_MS = [50, 200, 1000, 5000];

interface ConnectionState {
  awarenessClientId: number | null;
  rejectedWrites: number;
  /** Sync step 2 and update frames received on this connection (what acknowledgements count). */
  updateFrames: number;
  /** Highest frame acknowledged to the client so far. */
  ackedFrame: number;
  /** Frames applied but not yet durable: acknowledged once the persister's durable count reaches `position`. */
  awaitingAck: { frame: number; position: number }[];
  /**
   * PERF-45: sent the stored snapshot before the room was built, then what the room gained since (at join) and
   * every change after: its opening sync step 1, which asked for everything before that arrived, lacks nothing.
   */
  holdsState: boolean;
  /** Updates waiting for changes they depend on (sent by this connection before its sync step 2). */
  held: Uint8Array[];
  heldTimer: NodeJS.Timeout | null;
  /**
   * The room closed this connection (refused, broke the protocol): frames of it still in flight are ignored, so
   * nothing after a refused or dropped update is applied or acknowledged (COLLAB-28).
   */
  closed: boolean;
  /**
   * COLLAB-30: a write of this connection was dropped (it may not write). Acknowledgements are cumulative, so none
   * is sent until the client's own state has been taken in again: `asked` once write access is back and the
   * server has asked for it (sync step 1); the client's answer (a sync step 2) carries the dropped edits.
   */
  dropped: "no" | "dropped" | "asked";
}

/** Frames of a room's connections by how far they got towards their acknowledgement. */
export interface AckStages {
  /** Sync step 2 and update frames received. */
  frames: number;
  /** Of those, frames acknowledged. */
  acknowledged: number;
  /** Frames not acknowledged: waiting for dependencies, for a group commit, in a commit, committed. */
  held: number;
  queued: number;
  committing: number;
  committed: number;
}

export const noAckStages = (): AckStages => ({
  frames: 0,
  acknowledged: 0,
  held: 0,
  queued: 0,
  committing: 0,
  committed: 0,
});

interface EmittedUpdate {
  update: Uint8Array;
  origin: unknown;
}

export class Room {
  private currentDoc: Y.Doc;
  /** Presence lives on its own tiny doc: the board doc may be replaced when the room recovers. */
  readonly awareness: awarenessProtocol.Awareness;
  private readonly connections = new Map<CollabConnection, ConnectionState>();
  /**
   * Yjs client id → the account that owns it (COLLAB-19), for as long as the room stays loaded: the owner's socket
   * leaving (a reconnect, a network blip) must not open a window in which someone else writes at its next clock.
   */
  private readonly clientOwners = new Map<number, string>();
  private readonly persister: UpdatePersister;
  /** Document updates go out once per event-loop turn, each frame encoded once (see broadcast-batch.ts). */
  private readonly updates: BroadcastBatch;
  private readonly sequence: SequenceTracker;
  private catchingUp: Promise<void> | null = null;
  private gapTimer: NodeJS.Timeout | null = null;
  /** Connections whose socket reading is paused because the write backlog is too long. */
  private readonly paused = new Set<CollabConnection>();
  private readonly metrics: CollabMetrics;
  /** Writes dropped because the sender may not write (observers). */
  rejectedWriteCount = 0;
  /** How many times this room was poisoned and reloaded. */
  poisonCount = 0;
  /** Set after a reload failed for good: the registry drops the room and the next join loads it afresh. */
  broken = false;
  /** Updates emitted by the transaction being applied; published only if the whole apply succeeds. */
  private staged: EmittedUpdate[] | null = null;
  /** While the room reloads after poisoning, frames wait here in order. */
  private recovery: { done: Promise<void>; queue: [CollabConnection, Uint8Array][] } | null = null;
  private readonly presenceChanged = new Set<number>();
  private presenceTimer: NodeJS.Timeout | null = null;
  private destroyed = false;
  /** Row titles as they were before the current transaction, so a deleted row can still be named. */
  private readonly rowTitles = new Map<string, string>();
  /**
   * PERF-31: the sync step 2 frame a client with an empty document receives (the whole state), encoded once
   * and kept until the document changes, so joining clients do not each re-encode a large board.
   * PERF-54: held weakly, so openers arriving together share it but an idle room keeps only its document (the
   * frame is a copy of the whole state, 0.3 MB for 1,000 threats, off the V8 heap): the next full GC frees it.
   */
  private fullStateFrame: WeakRef<Uint8Array> | null = null;
  /**
   * PERF-45: the state vector of the stored snapshot the room was built from, when openers were sent that snapshot
   * before the room existed, and whether the document changed since (then they are sent what they lack).
   */
  private loadedStateVector: Uint8Array | null = null;
  private changedSinceLoad = false;

  private constructor(
    readonly boardId: string,
    private readonly store: UpdateStore,
    private readonly options: RoomOptions,
    stored: StoredBoardState,
    snapshotFrame?: Uint8Array,
  ) {
    this.currentDoc = this.buildDoc(stored);
    // What openers answered early were sent (PERF-45): the stored snapshot and the rows after it, all of the doc.
    if (stored.snapshot) this.loadedStateVector = Y.encodeStateVector(this.currentDoc);
    // A snapshot with nothing after it is already the encoded state: the first client gets it as stored.
    if (stored.snapshot && stored.tail.length === 0)
      this.fullStateFrame = new WeakRef(snapshotFrame ?? encodeSyncStep2(stored.snapshot));
    this.awareness = new awarenessProtocol.Awareness(new Y.Doc());
    this.awareness.setLocalState(null);
    const loadedThrough = stored.tail.at(-1)?.id ?? stored.snapshotCoversUpdateId;
    this.sequence = new SequenceTracker(loadedThrough);
    this.metrics = options.metrics ?? NO_METRICS;
    this.persister = new UpdatePersister(
      boardId,
      store,
      () => (this.recovery ? null : this.currentDoc),
      {
        ...options,
        onDurable: (seq, update) => {
          this.noteSequence(seq);
          options.publish?.(boardId, { kind: "update", seq, data: update });
        },
        onCommitted: () => this.onCommitted(),
        coveredSeq: () => this.sequence.watermark,
      },
      stored.tail.length,
    );
    this.persister.noteLoaded(loadedThrough);
    this.updates = new BroadcastBatch(() => this.connections.keys());
    this.awareness.on(
      "update",
      (change: { added: number[]; updated: number[]; removed: number[] }, origin: unknown) => {
        const changed = [...change.added, ...change.updated, ...change.removed];
        this.relayPresence(changed);
        if (origin !== RELAY_ORIGIN && options.publish) {
          options.publish(boardId, {
            kind: "awareness",
            data: awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed),
          });
        }
      },
    );
  }

  /**
   * Builds the room from a state already read from storage (the registry answers openers from it first, PERF-45).
   * `snapshotFrame`: the sync step 2 frame of `stored.snapshot` the registry already encoded for those openers, so
   * the room reuses it instead of making a second copy of the snapshot (PERF-54).
   */
  static fromStored(
    boardId: string,
    store: UpdateStore,
    options: RoomOptions,
    stored: StoredBoardState,
    snapshotFrame?: Uint8Array,
  ): Room {
    return new Room(boardId, store, options, stored, snapshotFrame);
  }

  /** A message another instance published for this board. */
  receiveRelayed(message: BoardRelayMessage): void {
    if (this.destroyed) return;
    if (message.kind === "awareness") {
      try {
        awarenessProtocol.applyAwarenessUpdate(this.awareness, message.data, RELAY_ORIGIN);
      } catch (error) {
        this.options.log(`board ${this.boardId}: relayed awareness failed to apply`, error);
      }
      return;
    }
    if (this.sequence.has(message.seq)) return;
    // During a reload the log is read afresh; the catch-up after it covers this update.
    if (this.recovery) return;
    try {
      Y.applyUpdate(this.doc, message.data, RELAY_ORIGIN);
      if (isWedged(this.doc)) throw new Error("transaction cleanup did not finish");
    } catch (error) {
      // The log has it too: fetch it from there rather than trust a damaged relay.
      this.options.log(`board ${this.boardId}: relayed update ${message.seq} failed to apply`, error);
      if (isWedged(this.doc)) this.poison(error);
      else void this.catchUp().catch(() => undefined);
      return;
    }
    this.noteSequence(message.seq);
  }

  /**
   * Applies whatever the log holds beyond what this doc has seen (missed relays, Redis down). Yjs
   * updates are idempotent, so overlapping with relayed ones is harmless. Concurrent calls share one read.
   */
  catchUp(): Promise<void> {
    if (this.catchingUp) return this.catchingUp;
    this.catchingUp = (async () => {
      try {
        await this.whenHealthy();
        const since = await this.store.readSince(this.boardId, this.sequence.watermark);
        if (this.destroyed || this.recovery) return;
        applyStored(this.doc, since, RELAY_ORIGIN);
        this.sequence.noteThrough(since.tail.at(-1)?.id ?? since.snapshotCoversUpdateId);
      } finally {
        this.catchingUp = null;
      }
    })();
    return this.catchingUp;
  }

  /** Every update up to this sequence number is in the doc. */
  get seenThrough(): number {
    return this.sequence.watermark;
  }

  private noteSequence(seq: number): void {
    this.sequence.note(seq);
    if (!this.sequence.hasGap) {
      if (this.gapTimer) clearTimeout(this.gapTimer);
      this.gapTimer = null;
      return;
    }
    if (this.gapTimer || this.destroyed) return;
    // The missing update may still be in flight from another instance: give it a moment.
    this.gapTimer = setTimeout(() => {
      this.gapTimer = null;
      if (!this.sequence.hasGap) return;
      this.catchUp().catch((error) => this.options.log(`board ${this.boardId}: catch-up failed`, error));
    }, this.options.gapGraceMs ?? 250);
    this.gapTimer.unref();
  }

  /** Stops timers (the room is being unloaded); same as destroy. */
  dispose(): void {
    this.destroy();
  }

  /** The live document (replaced by a fresh one when the room recovers from a poisoned apply). */
  get doc(): Y.Doc {
    return this.currentDoc;
  }

  get connectionCount(): number {
    return this.connections.size;
  }

  /** Resolves once the room is not reloading (state read from it is then trustworthy). */
  async whenHealthy(): Promise<void> {
    while (this.recovery) await this.recovery.done;
  }

  /**
   * `sentStoredSnapshot`: the connection was already sent the stored snapshot this room was built from, as its
   * sync step 2 (PERF-45); it gets whatever the document gained since, if anything.
   */
  join(connection: CollabConnection, sentStoredSnapshot = false): void {
    this.connections.set(connection, {
      awarenessClientId: null,
      rejectedWrites: 0,
      held: [],
      heldTimer: null,
      closed: false,
      dropped: "no",
      updateFrames: 0,
      ackedFrame: 0,
      awaitingAck: [],
      holdsState: sentStoredSnapshot,
    });
    // During a reload the resync at its end covers this connection too.
    if (!this.recovery) connection.send(encodeSyncStep1(Y.encodeStateVector(this.doc)));
    // What the document gained since the snapshot it was sent (a catch-up, another instance's update); during a
    // reload, the resync at its end sends the whole state anyway.
    if (sentStoredSnapshot && this.changedSinceLoad && this.loadedStateVector && !this.recovery)
      connection.send(encodeUpdate(Y.encodeStateAsUpdate(this.doc, this.loadedStateVector)));
    const states = [...this.awareness.getStates().keys()];
    if (states.length > 0) {
      connection.send(encodeAwareness(awarenessProtocol.encodeAwarenessUpdate(this.awareness, states)));
    }
  }

  leave(connection: CollabConnection): void {
    const state = this.connections.get(connection);
    if (!state) return;
    this.connections.delete(connection);
    this.dropHeld(state);
    this.paused.delete(connection);
    if (state.awarenessClientId !== null) {
      awarenessProtocol.removeAwarenessStates(this.awareness, [state.awarenessClientId], connection);
    }
  }

  /** Handles one frame. Invalid input closes that connection and changes nothing. */
  receive(connection: CollabConnection, data: Uint8Array): void {
    const state = this.connections.get(connection);
    if (!state || state.closed) return;
    if (this.recovery) {
      this.recovery.queue.push([connection, data]);
      return;
    }
    let frame;
    try {
      frame = decodeClientFrame(data);
    } catch {
      this.close(connection, CloseCode.badMessage, CloseReason.badFrame);
      return;
    }
    switch (frame.kind) {
      case "sync-step1":
        connection.send(this.syncStep2For(frame.stateVector, connection));
        return;
      case "sync-step2":
      case "update": {
        const frameNumber = ++state.updateFrames;
        this.receiveUpdate(connection, state, frame.update, frame.kind === "update");
        if (state.dropped !== "no") this.resyncAfterDroppedWrite(connection, state, frame.kind);
        this.acknowledgeWhenDurable(connection, state, frameNumber);
        return;
      }
      case "awareness":
        this.receiveAwareness(connection, state, frame.update);
        // Presence is renewed every 15 s (y-protocols): write access given back is noticed without waiting for an edit.
        if (state.dropped !== "no") this.resyncAfterDroppedWrite(connection, state, frame.kind);
        return;
      case "query-awareness": {
        const clients = [...this.awareness.getStates().keys()];
        connection.send(encodeAwareness(awarenessProtocol.encodeAwarenessUpdate(this.awareness, clients)));
        return;
      }
    }
  }

  /**
   * PERF-65: frames read together from one socket (one read of its stream), in order. A run of plain writes (an
   * update or sync step 2 from a connection that may write, nothing held, no row locked) is checked frame by frame,
   * each against the document as the writes before it left it, and applied in ONE Yjs transaction: its observers,
   * its emitted update and that update's broadcast and log row come once per run instead of once per keystroke.
   * Any other frame (a refused, held, empty or dropped write, other messages) ends the run and goes through
   * receive() on its own. Each frame is still acknowledged on its own once the run's update is durable.
   */
  receiveMany(connection: CollabConnection, frames: Uint8Array[]): void {
    let next = 0;
    while (next < frames.length) {
      const taken = this.applyRun(connection, frames, next);
      if (taken === 0) this.receive(connection, frames[next++]);
      else next += taken;
    }
  }

  /** Applies the run of plain writes that starts at frames[start] (see receiveMany); returns how many frames it took. */
  private applyRun(connection: CollabConnection, frames: Uint8Array[], start: number): number {
    const state = this.connections.get(connection);
    if (!state || (this.options.lockedRows?.(this.boardId).size ?? 0) > 0) return 0;
    let write = this.plainWrite(connection, state, frames[start]);
    if (!write) return 0;
    const origin = connectionOrigin(connection);
    const numbers: number[] = [];
    this.staged = [];
    try {
      Y.transact(
        this.doc,
        () => {
          while (write) {
            numbers.push(++state.updateFrames);
            Y.applyUpdate(this.doc, write.update, origin);
            if (write.live) for (const client of write.newClients) this.clientOwners.set(client, connection.user.id);
            const next = start + numbers.length;
            write = next < frames.length ? this.plainWrite(connection, state, frames[next]) : null;
          }
        },
        origin,
      );
      if (isWedged(this.doc)) throw new Error("transaction cleanup did not finish");
    } catch (error) {
      // As apply(): nothing of the run is published; the sender is closed, so its later frames are ignored.
      this.staged = null;
      this.close(connection, CloseCode.updateRejected, CloseReason.applyFailed);
      this.poison(error);
      return frames.length - start;
    }
    for (const _ of numbers) this.metrics.updateApplied();
    const emitted = this.staged;
    this.staged = null;
    for (const { update: emittedUpdate, origin: emittedOrigin } of emitted) this.publish(emittedUpdate, emittedOrigin);
    this.acknowledgeWhenDurable(connection, state, numbers[numbers.length - 1], numbers[0]);
    return numbers.length;
  }

  /**
   * The frame as a write receiveMany may apply in a run: an update or sync step 2 that passes every check and
   * changes something, from a connection that may write and has nothing held or dropped. Null for anything else,
   * which receive() then handles (and refuses, holds, drops or answers) exactly as a frame on its own.
   */
  private plainWrite(
    connection: CollabConnection,
    state: ConnectionState,
    data: Uint8Array,
  ): { update: Uint8Array; live: boolean; newClients: number[] } | null {
    if (state.closed || this.recovery || state.held.length > 0 || state.dropped !== "no" || !connection.canWrite())
      return null;
    let frame;
    try {
      frame = decodeClientFrame(data);
    } catch {
      return null;
    }
    if (frame.kind !== "update" && frame.kind !== "sync-step2") return null;
    const check = checkUpdate(this.doc, frame.update);
    if (!check.ok || check.empty || this.foreignOwner(connection, check.newClients) !== null) return null;
    return { update: frame.update, live: frame.kind === "update", newClients: check.newClients };
  }

  /**
   * A change made by the server, not by a client (decision 020: the chair's choice applied to a bracketed row):
   * applied like any update, so every connection receives it and it is logged; resolves once it is durable.
   */
  async applyServerChange(change: (doc: Y.Doc) => void, authorId: string | null): Promise<void> {
    await this.whenHealthy();
    Y.transact(this.doc, () => change(this.doc), new ServerOrigin(authorId));
    await this.persister.settled();
  }

  /** Waits until every update is durable and compacts the log. */
  async flush(): Promise<void> {
    await this.whenHealthy();
    await this.persister.flush();
  }

  /** Updates accepted but not yet written (queue depth, for back-pressure probes and benchmarks). */
  get pendingWrites(): number {
    return this.persister.pendingCount;
  }

  /** Waits until every update accepted so far is durable, without compacting. */
  async settled(): Promise<void> {
    await this.whenHealthy();
    await this.persister.settled();
  }

  /** Sequence number of the last update this room made durable. */
  get lastDurableUpdateId(): number {
    return this.persister.lastDurableId;
  }

  /** Frees everything the room holds (timers, presence, documents); called once it is unloaded. */
  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    if (this.presenceTimer) clearTimeout(this.presenceTimer);
    this.presenceTimer = null;
    if (this.gapTimer) clearTimeout(this.gapTimer);
    this.gapTimer = null;
    for (const state of this.connections.values()) this.dropHeld(state);
    this.connections.clear();
    this.clientOwners.clear();
    this.awareness.destroy();
    this.awareness.doc.destroy();
    this.currentDoc.destroy();
  }

  private buildDoc(stored: StoredBoardState): Y.Doc {
    const doc = new Y.Doc();
    // Applied in a function of its own (PERF-54): a closure here that read `stored` would share this scope with the
    // update listener below, which would then keep the stored snapshot and rows alive as long as the document.
    applyStored(doc, stored, STORAGE_ORIGIN);
    doc.on("update", (update: Uint8Array, origin: unknown) => this.onDocUpdate(doc, update, origin));
    this.fullStateFrame = null;
    this.watchActivity(doc);
    this.rowTitles.clear();
    for (const rowId of listRowIds(doc)) this.rememberTitle(doc, rowId);
    return doc;
  }

  /** Updates waiting to be written, and frames applied but not yet acknowledged (metrics). */
  get pendingWork(): { writeQueue: number; unacknowledged: number } {
    let unacknowledged = 0;
    for (const state of this.connections.values()) unacknowledged += state.awaitingAck.length;
    return { writeQueue: this.persister.backlog.updates, unacknowledged };
  }

  /**
   * Where the frames not acknowledged yet are (the crash script's trace, COLLAB-41): held for their dependencies,
   * queued for the next group commit, in a commit not finished, committed with the ack not sent yet.
   */
  get ackStages(): AckStages {
    const stages = noAckStages();
    const sent = this.persister.sentCount;
    const durable = this.persister.durableCount;
    for (const state of this.connections.values()) {
      stages.frames += state.updateFrames;
      stages.acknowledged += state.ackedFrame;
      for (const { position } of state.awaitingAck) {
        if (position === HELD) stages.held += 1;
        else if (position > sent) stages.queued += 1;
        else if (position > durable) stages.committing += 1;
        else stages.committed += 1;
      }
    }
    return stages;
  }

  private sendAck(connection: CollabConnection, state: ConnectionState, frame: number): void {
    state.ackedFrame = frame;
    connection.send(encodeAck(frame, this.persister.lastDurableId));
  }

  /**
   * COLLAB-23: a frame is acknowledged to its sender once everything the room
   * had to write up to and including it is committed (a frame that changed
   * nothing is acknowledged once what came before it is durable).
   */
  private acknowledgeWhenDurable(
    connection: CollabConnection,
    state: ConnectionState,
    frame: number,
    first = frame,
  ): void {
    // A connection the room closed is told nothing more: its refused or dropped frames must not be covered.
    if (state.closed || state.dropped !== "no") return;
    // Updates held for missing dependencies are not applied yet: their frames wait (HELD) until they are.
    this.releaseHeldFrames(state);
    const position = state.held.length > 0 ? HELD : this.persister.enqueuedCount;
    // Frames `first`..`frame` (a run, PERF-65) share their position; an acknowledgement covers every frame before it.
    if (position <= this.persister.durableCount && state.awaitingAck.length === 0) {
      this.sendAck(connection, state, frame);
    } else {
      for (let each = first; each <= frame; each++) state.awaitingAck.push({ frame: each, position });
    }
    // COLLAB-24: stop reading this socket instead of growing the backlog.
    if (this.backlogFull()) this.pauseReading(connection);
  }

  /** The write backlog is at its bound (COLLAB-24). */
  private backlogFull(): boolean {
    const backlog = this.persister.backlog;
    const limit = this.options.maxWriteBacklog ?? DEFAULT_MAX_WRITE_BACKLOG;
    return backlog.updates >= limit || backlog.bytes >= MAX_WRITE_BACKLOG_BYTES;
  }

  private pauseReading(connection: CollabConnection): void {
    if (this.paused.has(connection)) return;
    connection.pause?.();
    this.paused.add(connection);
  }

  /** Once nothing of the connection is held, its frames that waited (HELD) are durable with what is queued now. */
  private releaseHeldFrames(state: ConnectionState): void {
    // After a dropped write nothing is acknowledged until the client's state has been asked for again (COLLAB-30).
    if (state.held.length > 0 || state.dropped !== "no") return;
    // HELD frames are always the last ones waiting (a frame is HELD while anything is held, and they are all released
    // together): only that suffix is looked at, not every frame waiting for a commit, on each frame.
    const waiting = state.awaitingAck;
    for (let index = waiting.length - 1; index >= 0 && waiting[index].position === HELD; index--)
      waiting[index].position = this.persister.enqueuedCount;
  }

  /** Acknowledges the connection's frames that are durable (cumulative: up to the first one that is not). */
  private acknowledgeDurable(connection: CollabConnection, state: ConnectionState): void {
    if (state.closed) return;
    // Frames before a dropped write are still acknowledged (they do not cover it); none after it is queued.
    let frame = 0;
    while (state.awaitingAck.length > 0 && state.awaitingAck[0].position <= this.persister.durableCount) {
      frame = state.awaitingAck.shift()!.frame;
    }
    if (frame > 0) this.sendAck(connection, state, frame);
  }

  private onCommitted(): void {
    for (const [connection, state] of this.connections) this.acknowledgeDurable(connection, state);
    const backlog = this.persister.backlog;
    const limit = this.options.maxWriteBacklog ?? DEFAULT_MAX_WRITE_BACKLOG;
    if (this.paused.size > 0 && backlog.updates <= limit / 2 && backlog.bytes <= MAX_WRITE_BACKLOG_BYTES / 2) {
      for (const connection of this.paused) connection.resume?.();
      this.paused.clear();
    }
  }

  /** Sync step 2 for a client's state vector; an empty one (a client opening the board) gets the cached frame. */
  private syncStep2For(stateVector: Uint8Array, connection: CollabConnection): Uint8Array {
    try {
      if (Y.decodeStateVector(stateVector).size === 0) {
        const state = this.connections.get(connection);
        if (!state?.holdsState) return this.fullStateStep2();
        state.holdsState = false;
        return encodeSyncStep2(new Uint8Array([0, 0]));
      }
      return encodeSyncStep2(Y.encodeStateAsUpdate(this.doc, stateVector));
    } catch {
      this.close(connection, CloseCode.badMessage, CloseReason.badStateVector);
      return encodeSyncStep2(new Uint8Array([0, 0]));
    }
  }

  /** The whole state as a sync step 2 frame, encoded at most once per document change (PERF-31). */
  private fullStateStep2(): Uint8Array {
    const cached = this.fullStateFrame?.deref();
    if (cached) return cached;
    const frame = encodeSyncStep2(Y.encodeStateAsUpdate(this.doc));
    this.fullStateFrame = new WeakRef(frame);
    return frame;
  }

  /** The close reason is the rule name alone (machine-readable; the client explains 4422 in words). */
  private refuse(connection: CollabConnection, rule: UpdateRule | "client-id"): void {
    this.options.onRefused?.(this.boardId, rule);
    this.close(connection, CloseCode.updateRejected, rule);
  }

  /**
   * Closes a connection from the room's side. Its held updates go with it, unacknowledged: its client still has
   * them and either resends them on its next socket or (refused) keeps them for its user (COLLAB-28).
   */
  private close(connection: CollabConnection, code: number, reason: string): void {
    const state = this.connections.get(connection);
    if (state) {
      state.closed = true;
      this.dropHeld(state);
    }
    connection.close(code, reason);
  }

  private receiveUpdate(connection: CollabConnection, state: ConnectionState, update: Uint8Array, live: boolean): void {
    const check = checkUpdate(this.doc, update);
    if (!check.ok && check.rule === "decode") return this.refuse(connection, check.rule);
    if (!connection.canWrite()) {
      if (check.ok && check.empty) return; // every client answers sync step 1 with a step 2, often empty
      this.rejectedWriteCount += 1;
      state.rejectedWrites += 1;
      state.dropped = "dropped";
      if (state.rejectedWrites >= this.options.maxRejectedWrites) {
        this.close(connection, CloseCode.readOnly, CloseReason.observerWrites);
      }
      return;
    }
    if (!check.ok) {
      // Depends on changes this connection has not sent yet (typed before its sync step 2 went out): wait a little.
      if (check.rule === "pending") return this.hold(connection, state, update);
      return this.refuse(connection, check.rule);
    }
    if (check.empty) return;
    const owner = this.foreignOwner(connection, check.newClients);
    if (owner !== null) return this.refuse(connection, "client-id");
    if (!this.apply(connection, update)) return;
    // Live edits bind their client ids; a sync step 2 may carry the edits of clients long gone (a reconnect
    // after a server crash) and binds nothing.
    if (live) for (const client of check.newClients) this.clientOwners.set(client, connection.user.id);
    if (state.held.length > 0) this.retryHeld(connection, state);
  }

  /**
   * COLLAB-30: after a dropped write, once the connection may write again (the board was restored, the role given
   * back) and sends anything, the server asks for the client's state; the sync step 2 that answers brings the dropped edits back,
   * and acknowledgements resume with it (once committed, they truthfully cover every earlier frame).
   */
  private resyncAfterDroppedWrite(connection: CollabConnection, state: ConnectionState, kind: string): void {
    if (!connection.canWrite() || state.closed) return;
    if (state.dropped === "asked" && kind === "sync-step2") {
      state.dropped = "no";
      return;
    }
    if (state.dropped === "dropped") {
      state.dropped = "asked";
      connection.send(encodeSyncStep1(Y.encodeStateVector(this.doc)));
    }
  }

  /** A client id among `clients` owned by a live connection of someone else, or null. */
  private foreignOwner(connection: CollabConnection, clients: number[]): number | null {
    for (const client of clients) {
      const owner = this.clientOwners.get(client);
      // The same account reconnecting (its old socket not yet timed out, or gone) carries on with its own ids.
      if (owner !== undefined && owner !== connection.user.id) return client;
    }
    return null;
  }

  private hold(connection: CollabConnection, state: ConnectionState, update: Uint8Array): void {
    if (state.held.length >= MAX_HELD_UPDATES) return this.refuse(connection, "pending");
    state.held.push(update);
    this.armHeldTimer(connection, state);
  }

  private armHeldTimer(connection: CollabConnection, state: ConnectionState): void {
    state.heldTimer ??= setTimeout(() => {
      state.heldTimer = null;
      if (state.held.length === 0 || state.closed) return;
      // While the room reloads nothing can apply (what they wait for may be queued): the wait starts again after.
      if (this.recovery) return;
      this.refuse(connection, "pending");
    }, this.options.pendingTimeoutMs ?? DEFAULT_PENDING_TIMEOUT_MS);
  }

  private dropHeld(state: ConnectionState): void {
    state.held = [];
    if (state.heldTimer) clearTimeout(state.heldTimer);
    state.heldTimer = null;
  }

  /** After an update of this connection was applied, the ones waiting on it may now fit. */
  private retryHeld(connection: CollabConnection, state: ConnectionState): void {
    const waiting = state.held;
    state.held = [];
    for (const [index, update] of waiting.entries()) {
      // Closed (refused) or gone: its client still has these and was told (COLLAB-28).
      if (state.closed || !this.connections.has(connection)) return this.dropHeld(state);
      // Write access lost while they waited (made observer, board archived): dropped like any write now (COLLAB-45).
      if (!connection.canWrite()) {
        this.dropHeld(state);
        state.dropped = "dropped";
        return;
      }
      if (this.recovery) {
        // The room began reloading: what was not tried yet stays held, in order, and is retried after the reload.
        state.held.push(...waiting.slice(index));
        return;
      }
      const check = checkUpdate(this.doc, update);
      if (check.ok) {
        const owner = this.foreignOwner(connection, check.newClients);
        if (owner !== null) return this.refuse(connection, "client-id");
        if (!this.apply(connection, update)) return;
        for (const client of check.newClients) this.clientOwners.set(client, connection.user.id);
      } else if (check.rule === "pending") state.held.push(update);
      else return this.refuse(connection, check.rule);
    }
    if (state.held.length === 0) this.dropHeld(state);
  }

  /**
   * Applies a checked update. What the transaction emits is published only
   * when the whole apply succeeded: a throw discards it and poisons the room.
   */
  private apply(connection: CollabConnection, update: Uint8Array): boolean {
    const origin = connectionOrigin(connection);
    this.staged = [];
    try {
      const locked = this.options.lockedRows?.(this.boardId);
      if (locked && locked.size > 0) this.applyGuarded(connection, origin, update, locked);
      else Y.applyUpdate(this.doc, update, origin);
      if (isWedged(this.doc)) throw new Error("transaction cleanup did not finish");
    } catch (error) {
      this.staged = null;
      this.close(connection, CloseCode.updateRejected, CloseReason.applyFailed);
      this.poison(error);
      return false;
    }
    this.metrics.updateApplied();
    const emitted = this.staged;
    this.staged = null;
    for (const { update: emittedUpdate, origin: emittedOrigin } of emitted) this.publish(emittedUpdate, emittedOrigin);
    return true;
  }

  /**
   * Applies an update while rows are locked; if it touched one, undoes the
   * whole update at once (everyone, the sender included, receives the undo)
   * and tells the sender why.
   */
  private applyGuarded(
    connection: CollabConnection,
    origin: ConnectionOrigin,
    update: Uint8Array,
    locked: ReadonlySet<string>,
  ): void {
    const rows = getRowsType(this.doc);
    const guard = new Y.UndoManager(rows, { trackedOrigins: new Set([origin]), captureTimeout: 0 });
    const touched = new Set<string>();
    const watch = (events: Y.YEvent<Y.AbstractType<unknown>>[]) => {
      for (const event of events) {
        const rowIds = event.target === rows ? [...event.changes.keys.keys()] : [event.path[0] as string];
        for (const rowId of rowIds) if (locked.has(rowId)) touched.add(rowId);
      }
    };
    rows.observeDeep(watch);
    try {
      Y.applyUpdate(this.doc, update, origin);
    } finally {
      rows.unobserveDeep(watch);
    }
    if (touched.size > 0) {
      guard.undo();
      for (const rowId of touched) {
        connection.send(encodeBoardEvent({ kind: "row-locked", rowId }));
      }
    }
    guard.destroy();
  }

  /**
   * A Yjs exception while applying: the document may hold half an update or
   * refuse to emit anything again. Stop using it, make what was accepted
   * before durable, reload from storage and resync every client (their sync
   * step 2 brings back anything the reload lacks).
   */
  private poison(error: unknown): void {
    if (this.recovery) return;
    this.poisonCount += 1;
    this.options.log(`board ${this.boardId}: room poisoned by an update, reloading from storage`, error);
    this.options.onPoisoned?.(this.boardId, error);
    const queue: [CollabConnection, Uint8Array][] = [];
    const done = this.reload().then(
      () => {
        this.recovery = null;
        for (const connection of this.connections.keys()) {
          connection.send(encodeSyncStep1(Y.encodeStateVector(this.doc)));
          connection.send(this.fullStateStep2());
        }
        // Updates held before the reload came first: they may fit the reloaded document, else they wait anew.
        for (const [connection, state] of this.connections) {
          if (state.held.length === 0 || state.closed) continue;
          this.retryHeld(connection, state);
          if (state.held.length > 0 && !this.recovery) this.armHeldTimer(connection, state);
          // COLLAB-43: frames whose held updates the reload let apply are acknowledged once committed, not at
          // the sender's next frame (or at once if they changed nothing).
          this.releaseHeldFrames(state);
          this.acknowledgeDurable(connection, state);
        }
        for (const [connection, data] of queue) this.receive(connection, data);
      },
      (reloadError: unknown) => {
        this.options.log(`board ${this.boardId}: reload after poisoning failed`, reloadError);
        this.broken = true;
        for (const connection of this.connections.keys())
          this.close(connection, CloseCode.loadFailed, CloseReason.reloadFailed);
      },
    );
    this.recovery = { done, queue };
  }

  private async reload(): Promise<void> {
    const broken = this.currentDoc;
    // Appends queued before the poisoning are durable first (compaction is off: the doc is not trusted).
    await this.persister.flush();
    for (let attempt = 0; ; attempt++) {
      try {
        const stored = await this.store.load(this.boardId);
        if (this.destroyed) return;
        this.currentDoc = this.buildDoc(stored);
        this.sequence.noteThrough(stored.tail.at(-1)?.id ?? stored.snapshotCoversUpdateId);
        break;
      } catch (error) {
        if (attempt >= RELOAD_RETRY_DELAYS_MS.length || this.destroyed) throw error;
        await new Promise((resolve) => setTimeout(resolve, RELOAD_RETRY_DELAYS_MS[attempt]));
      }
    }
    // The broken doc is dropped, not destroyed (its cleanup is what threw); onDocUpdate ignores it from now on.
    void broken;
  }

  private receiveAwareness(connection: CollabConnection, state: ConnectionState, update: Uint8Array): void {
    let entries;
    try {
      entries = decodeAwarenessEntries(update, state.awarenessClientId);
    } catch {
      this.close(connection, CloseCode.badMessage, CloseReason.badAwareness);
      return;
    }
    if (entries.length === 0) return;
    if (state.awarenessClientId === null) {
      // A connection owns the first client id it announces, unless another connection holds it.
      const claimed = entries[0].clientId;
      const taken = [...this.connections.values()].some((other) => other.awarenessClientId === claimed);
      if (taken || this.foreignOwner(connection, [claimed]) !== null) return;
      state.awarenessClientId = claimed;
      // Presence announces the doc's client id: claim it for edits too, before anyone else writes under it.
      if (!this.clientOwners.has(claimed)) this.clientOwners.set(claimed, connection.user.id);
    }
    // Whether they can edit is the server's word too: an observer who clicks a cell is "viewing" it.
    const { kept } = stampPresence(entries, state.awarenessClientId, {
      ...connection.user,
      canEdit: connection.canWrite(),
    });
    if (kept.length > 0) {
      awarenessProtocol.applyAwarenessUpdate(this.awareness, encodeAwarenessEntries(kept), connection);
    }
  }

  /** Coalesces presence: each client's state is relayed at most once per interval (COLLAB-21). */
  private relayPresence(clients: number[]): void {
    for (const client of clients) this.presenceChanged.add(client);
    const interval = this.options.awarenessIntervalMs ?? 0;
    if (interval <= 0) return this.sendPresence();
    if (this.presenceTimer || this.destroyed) return;
    this.sendPresence();
    const tick = () => {
      this.presenceTimer = null;
      if (this.presenceChanged.size === 0 || this.destroyed) return;
      this.sendPresence();
      this.presenceTimer = setTimeout(tick, interval);
    };
    this.presenceTimer = setTimeout(tick, interval);
  }

  private sendPresence(): void {
    const clients = [...this.presenceChanged];
    this.presenceChanged.clear();
    if (clients.length === 0) return;
    this.broadcast(encodeAwareness(awarenessProtocol.encodeAwarenessUpdate(this.awareness, clients)));
  }

  private onDocUpdate(doc: Y.Doc, update: Uint8Array, origin: unknown): void {
    if (doc !== this.currentDoc) return;
    this.fullStateFrame = null;
    this.changedSinceLoad = true;
    if (origin === STORAGE_ORIGIN) return;
    if (this.staged) this.staged.push({ update, origin });
    else this.publish(update, origin);
  }

  private publish(update: Uint8Array, origin: unknown): void {
    const sender = isConnectionOrigin(origin) ? origin.connection : null;
    this.updates.add(update, sender);
    if (origin === RELAY_ORIGIN) return; // durable already, and published by the instance that stored it
    const authorId =
      origin instanceof ServerOrigin
        ? origin.authorId
        : sender && this.connections.has(sender)
          ? (sender.actor?.userId ?? null)
          : null;
    this.persister.enqueue(update, { authorId });
  }

  private watchActivity(doc: Y.Doc): void {
    const onActivity = this.options.onActivity;
    const rows = getRowsType(doc);
    rows.observeDeep((events, transaction) => {
      // Observers run inside Yjs's transaction cleanup: a throw here would leave the update half-published.
      try {
        const origin = transaction.origin;
        if (onActivity && isConnectionOrigin(origin) && this.connections.has(origin.connection)) {
          const actor = origin.connection.actor;
          const locked = this.options.lockedRows?.(this.boardId);
          // Edits to locked rows are undone at once: they are not activity.
          const changes = describeRowEvents(events, rows, (rowId) => this.rowTitles.get(rowId) ?? null).filter(
            (change) => !locked?.has(change.rowId),
          );
          if (actor && changes.length > 0) onActivity(this.boardId, actor, changes);
        }
        // Only events that can change a title (rows added or removed, a title edited or replaced): typing in
        // notes must not read the row again on every keystroke.
        for (const event of events) {
          if (event.target === rows) for (const rowId of event.changes.keys.keys()) this.rememberTitle(doc, rowId);
          else if (event.path[1] === "title" || (event.path.length === 1 && event.changes.keys.has("title")))
            this.rememberTitle(doc, event.path[0] as string);
        }
      } catch (error) {
        this.options.log(`board ${this.boardId}: activity observer failed`, error);
      }
    });
  }

  private rememberTitle(doc: Y.Doc, rowId: string): void {
    const title = getRowText(doc, rowId, "title")?.toString();
    if (title === undefined) this.rowTitles.delete(rowId);
    else this.rowTitles.set(rowId, title);
  }

  private broadcast(frame: Uint8Array, except?: CollabConnection | null): void {
    for (const connection of this.connections.keys()) {
      if (connection !== except) connection.send(frame);
    }
  }
}

/** Yjs left a transaction uncleaned (an exception in its cleanup): the doc would never emit again. */
/** Applies a stored state (snapshot, then the rows after it) to the document in one transaction. */
function applyStored(doc: Y.Doc, stored: StoredBoardState, origin: symbol): void {
  Y.transact(
    doc,
    () => {
      if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot, origin);
      for (const entry of stored.tail) Y.applyUpdate(doc, entry.data, origin);
    },
    origin,
  );
}

function isWedged(doc: Y.Doc): boolean {
  return (doc as unknown as { _transactionCleanups: unknown[] })._transactionCleanups.length > 0;
}
