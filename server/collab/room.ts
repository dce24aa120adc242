/**
 * One live board: its Y.Doc, its awareness and the connections on it.
 * Knows nothing about ws or Prisma: frames in, frames out, storage through UpdateStore.
 */
import * as Y from "yjs";
import * as awarenessProtocol from "y-protocols/awareness";
import { CloseCode } from "../../core/collab-protocol";
import { getRowsType, listRowIds, readRow } from "../../core/board-doc";
import { describeRowEvents, type BoardChange } from "./board-changes";
import type { CollabConnection, ConnectionActor } from "./connection";
import {
  decodeClientFrame,
  encodeAwareness,
  encodeBoardEvent,
  encodeSyncStep1,
  encodeSyncStep2,
  encodeUpdate,
  FrameError,
} from "./frames";
import { decodeAwarenessEntries, encodeAwarenessEntries, stampPresence } from "./presence-stamp";
import { checkUpdate } from "./update-validation";
import type { UpdateStore } from "./update-store";
import { UpdatePersister } from "./update-persister";
import type { BoardRelayMessage } from "./board-bus";
import { SequenceTracker } from "./sequence-tracker";

export interface RoomOptions {
  /** Compact the update log into a snapshot after this many persisted updates. */
  compactEvery: number;
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
}

/** Origin of transactions that replay stored state; those are not persisted again. */
const STORAGE_ORIGIN = Symbol("storage");
/** Origin of updates another instance made durable (relayed or caught up from the log): sent on, not stored. */
const RELAY_ORIGIN = Symbol("relay");

interface ConnectionState {
  awarenessClientId: number | null;
  rejectedWrites: number;
}

export class Room {
  readonly doc: Y.Doc;
  readonly awareness: awarenessProtocol.Awareness;
  private readonly connections = new Map<CollabConnection, ConnectionState>();
  private readonly persister: UpdatePersister;
  private readonly sequence: SequenceTracker;
  private catchingUp: Promise<void> | null = null;
  private gapTimer: NodeJS.Timeout | null = null;
  /** Writes dropped because the sender may not write (observers). */
  rejectedWriteCount = 0;

  private constructor(
    readonly boardId: string,
    private readonly store: UpdateStore,
    private readonly options: RoomOptions,
    initialLogLength: number,
    loadedThrough: number,
  ) {
    this.doc = new Y.Doc();
    this.awareness = new awarenessProtocol.Awareness(this.doc);
    this.awareness.setLocalState(null);
    this.sequence = new SequenceTracker(loadedThrough);
    this.persister = new UpdatePersister(
      boardId,
      store,
      this.doc,
      {
        ...options,
        onDurable: (seq, update) => {
          this.noteSequence(seq);
          options.publish?.(boardId, { kind: "update", seq, data: update });
        },
        coveredSeq: () => this.sequence.watermark,
      },
      initialLogLength,
    );
    this.doc.on("update", (update: Uint8Array, origin: unknown) => this.onDocUpdate(update, origin));
    this.watchActivity();
    this.awareness.on(
      "update",
      (change: { added: number[]; updated: number[]; removed: number[] }, origin: unknown) => {
        const changed = [...change.added, ...change.updated, ...change.removed];
        const update = awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed);
        this.broadcast(encodeAwareness(update));
        if (origin !== RELAY_ORIGIN) options.publish?.(boardId, { kind: "awareness", data: update });
      },
    );
  }

  /** Loads the board from storage. Rejects (never yields an empty room) when storage fails. */
  static async load(boardId: string, store: UpdateStore, options: RoomOptions): Promise<Room> {
    const stored = await store.load(boardId);
    const loadedThrough = stored.tail.at(-1)?.id ?? stored.snapshotCoversUpdateId;
    const room = new Room(boardId, store, options, stored.tail.length, loadedThrough);
    Y.transact(
      room.doc,
      () => {
        if (stored.snapshot) Y.applyUpdate(room.doc, stored.snapshot, STORAGE_ORIGIN);
        for (const entry of stored.tail) Y.applyUpdate(room.doc, entry.data, STORAGE_ORIGIN);
      },
      STORAGE_ORIGIN,
    );
    for (const rowId of listRowIds(room.doc)) room.rememberTitle(rowId);
    room.persister.noteLoaded(loadedThrough);
    return room;
  }

  /** A message another instance published for this board. */
  receiveRelayed(message: BoardRelayMessage): void {
    if (message.kind === "awareness") {
      try {
        awarenessProtocol.applyAwarenessUpdate(this.awareness, message.data, RELAY_ORIGIN);
      } catch (error) {
        this.options.log(`board ${this.boardId}: relayed awareness failed to apply`, error);
      }
      return;
    }
    if (this.sequence.has(message.seq)) return;
    try {
      Y.applyUpdate(this.doc, message.data, RELAY_ORIGIN);
    } catch (error) {
      // The log has it too: fetch it from there rather than trust a damaged relay.
      this.options.log(`board ${this.boardId}: relayed update ${message.seq} failed to apply`, error);
      void this.catchUp();
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
        const since = await this.store.readSince(this.boardId, this.sequence.watermark);
        Y.transact(
          this.doc,
          () => {
            if (since.snapshot) Y.applyUpdate(this.doc, since.snapshot, RELAY_ORIGIN);
            for (const entry of since.tail) Y.applyUpdate(this.doc, entry.data, RELAY_ORIGIN);
          },
          RELAY_ORIGIN,
        );
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
    if (this.gapTimer) return;
    // The missing update may still be in flight from another instance: give it a moment.
    this.gapTimer = setTimeout(() => {
      this.gapTimer = null;
      if (!this.sequence.hasGap) return;
      this.catchUp().catch((error) => this.options.log(`board ${this.boardId}: catch-up failed`, error));
    }, this.options.gapGraceMs ?? 250);
    this.gapTimer.unref();
  }

  /** Stops timers (the room is being unloaded). */
  dispose(): void {
    if (this.gapTimer) clearTimeout(this.gapTimer);
    this.gapTimer = null;
    this.awareness.destroy();
  }

  get connectionCount(): number {
    return this.connections.size;
  }

  join(connection: CollabConnection): void {
    this.connections.set(connection, { awarenessClientId: null, rejectedWrites: 0 });
    connection.send(encodeSyncStep1(Y.encodeStateVector(this.doc)));
    const states = [...this.awareness.getStates().keys()];
    if (states.length > 0) {
      connection.send(encodeAwareness(awarenessProtocol.encodeAwarenessUpdate(this.awareness, states)));
    }
  }

  leave(connection: CollabConnection): void {
    const state = this.connections.get(connection);
    if (!state) return;
    this.connections.delete(connection);
    if (state.awarenessClientId !== null) {
      awarenessProtocol.removeAwarenessStates(this.awareness, [state.awarenessClientId], connection);
    }
  }

  /** Handles one frame. Invalid input closes that connection and changes nothing. */
  receive(connection: CollabConnection, data: Uint8Array): void {
    const state = this.connections.get(connection);
    if (!state) return;
    let frame;
    try {
      frame = decodeClientFrame(data);
    } catch (error) {
      connection.close(CloseCode.badMessage, error instanceof FrameError ? error.message : "bad message");
      return;
    }
    switch (frame.kind) {
      case "sync-step1":
        connection.send(encodeSyncStep2(this.encodeStateSince(frame.stateVector, connection)));
        return;
      case "sync-step2":
      case "update":
        this.receiveUpdate(connection, state, frame.update);
        return;
      case "awareness":
        this.receiveAwareness(connection, state, frame.update);
        return;
      case "query-awareness": {
        const clients = [...this.awareness.getStates().keys()];
        connection.send(encodeAwareness(awarenessProtocol.encodeAwarenessUpdate(this.awareness, clients)));
        return;
      }
    }
  }

  /** Waits until every update is durable and compacts the log. */
  async flush(): Promise<void> {
    await this.persister.flush();
  }

  /** Updates accepted but not yet written (queue depth, for back-pressure probes and benchmarks). */
  get pendingWrites(): number {
    return this.persister.pendingCount;
  }

  /** Id of the last update known durable (for save acknowledgements). */
  get lastDurableUpdateId(): number {
    return this.persister.lastDurableId;
  }

  private encodeStateSince(stateVector: Uint8Array, connection: CollabConnection): Uint8Array {
    try {
      return Y.encodeStateAsUpdate(this.doc, stateVector);
    } catch {
      connection.close(CloseCode.badMessage, "malformed state vector");
      return new Uint8Array([0, 0]);
    }
  }

  private receiveUpdate(connection: CollabConnection, state: ConnectionState, update: Uint8Array): void {
    const check = checkUpdate(update);
    if (!check.ok) {
      connection.close(CloseCode.updateRejected, check.reason);
      return;
    }
    if (!connection.canWrite()) {
      if (isEmptyUpdate(update)) return; // every client answers sync step 1 with a step 2, often empty
      this.rejectedWriteCount += 1;
      state.rejectedWrites += 1;
      if (state.rejectedWrites >= this.options.maxRejectedWrites) {
        connection.close(CloseCode.readOnly, "read-only: observers cannot change the board");
      }
      return;
    }
    try {
      const locked = this.options.lockedRows?.(this.boardId);
      if (locked && locked.size > 0) this.applyGuarded(connection, update, locked);
      else Y.applyUpdate(this.doc, update, connection);
    } catch (error) {
      this.options.log(`board ${this.boardId}: update failed to apply`, error);
      connection.close(CloseCode.updateRejected, "update failed to apply");
    }
  }

  /**
   * Applies an update while rows are locked; if it touched one, undoes the
   * whole update at once (everyone, the sender included, receives the undo)
   * and tells the sender why.
   */
  private applyGuarded(connection: CollabConnection, update: Uint8Array, locked: ReadonlySet<string>): void {
    const rows = getRowsType(this.doc);
    const guard = new Y.UndoManager(rows, { trackedOrigins: new Set([connection]), captureTimeout: 0 });
    const touched = new Set<string>();
    const watch = (events: Y.YEvent<Y.AbstractType<unknown>>[]) => {
      for (const event of events) {
        const rowIds = event.target === rows ? [...event.changes.keys.keys()] : [event.path[0] as string];
        for (const rowId of rowIds) if (locked.has(rowId)) touched.add(rowId);
      }
    };
    rows.observeDeep(watch);
    try {
      Y.applyUpdate(this.doc, update, connection);
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

  private receiveAwareness(connection: CollabConnection, state: ConnectionState, update: Uint8Array): void {
    let entries;
    try {
      entries = decodeAwarenessEntries(update);
    } catch (error) {
      connection.close(CloseCode.badMessage, error instanceof FrameError ? error.message : "bad awareness");
      return;
    }
    if (entries.length === 0) return;
    if (state.awarenessClientId === null) {
      // A connection owns the first client id it announces, unless another connection holds it.
      const claimed = entries[0].clientId;
      const taken = [...this.connections.values()].some((other) => other.awarenessClientId === claimed);
      if (taken) return;
      state.awarenessClientId = claimed;
    }
    const { kept } = stampPresence(entries, state.awarenessClientId, connection.user);
    if (kept.length > 0) {
      awarenessProtocol.applyAwarenessUpdate(this.awareness, encodeAwarenessEntries(kept), connection);
    }
  }

  private onDocUpdate(update: Uint8Array, origin: unknown): void {
    if (origin === STORAGE_ORIGIN) return;
    const frame = encodeUpdate(update);
    this.broadcast(frame, origin);
    if (origin === RELAY_ORIGIN) return; // durable already, and published by the instance that stored it
    const authorId = this.connections.has(origin as CollabConnection)
      ? ((origin as CollabConnection).actor?.userId ?? null)
      : null;
    this.persister.enqueue(update, { authorId });
  }

  /** Row titles as they were before the current transaction, so a deleted row can still be named. */
  private readonly rowTitles = new Map<string, string>();

  private watchActivity(): void {
    const onActivity = this.options.onActivity;
    if (!onActivity) return;
    const rows = getRowsType(this.doc);
    rows.observeDeep((events, transaction) => {
      const origin = transaction.origin as CollabConnection;
      if (this.connections.has(origin) && origin.actor) {
        const locked = this.options.lockedRows?.(this.boardId);
        // Edits to locked rows are undone at once: they are not activity.
        const changes = describeRowEvents(events, rows, (rowId) => this.rowTitles.get(rowId) ?? null).filter(
          (change) => !locked?.has(change.rowId),
        );
        if (changes.length > 0) onActivity(this.boardId, origin.actor, changes);
      }
      for (const event of events) {
        const touched = event.target === rows ? [...event.changes.keys.keys()] : [event.path[0] as string];
        for (const rowId of touched) this.rememberTitle(rowId);
      }
    });
  }

  private rememberTitle(rowId: string): void {
    const title = readRow(this.doc, rowId)?.title;
    if (title === undefined) this.rowTitles.delete(rowId);
    else this.rowTitles.set(rowId, title);
  }

  private broadcast(frame: Uint8Array, except?: unknown): void {
    for (const connection of this.connections.keys()) {
      if (connection !== except) connection.send(frame);
    }
  }
}

function isEmptyUpdate(update: Uint8Array): boolean {
  const decoded = Y.decodeUpdate(update);
  return decoded.structs.length === 0 && decoded.ds.clients.size === 0;
}
