/**
 * Keeps one Room per active board: loads it on first join (concurrent joins
 * share the same load), unloads it once the last connection has left and its
 * updates are durable, and then frees it (COLLAB-22: nothing stays behind).
 */
import * as Y from "yjs";
import { readRow, readRows, type ThreatRow } from "../../core/board-doc";
import type { CollabConnection } from "./connection";
import { noAckStages, Room, type AckStages, type RoomOptions } from "./room";
import type { StoredBoardState, UpdateStore } from "./update-store";
import type { BoardBus, Unsubscribe } from "./board-bus";
import { TaskLimiter } from "./task-limiter";
import { encodeSyncStep2, encodeUpdate } from "./frames";

/**
 * PERF-45: how a connection waiting for its board's room is sent the board's stored state before the room is built
 * (unasked: its sync step 1 may not have been read yet).
 */
interface EarlyOpener {
  /**
   * Sends the frames (the snapshot's sync step 2, then the rows stored after it as one update) if the connection
   * opened holding nothing (an empty state vector); false when it did not, has not said yet, or is gone.
   */
  answer(frames: Uint8Array[]): boolean;
  /** Settles once the connection's first frame was read (or it closed): before that, `answer` cannot tell. */
  opened: Promise<unknown>;
}

/**
 * How long a board's build waits, once its stored state is read, for the first frame of the connections waiting for
 * it (PERF-45). A browser sends its sync step 1 as soon as the socket opens, but the read takes a few microtasks and
 * the build then holds the event loop for as long as the client's own apply (0.1-1 s for a large board): without
 * the wait, an opener's sync step 1 is read only after the build, and it waits for all of it. Only a connection
 * that sends nothing at all makes the build wait this long.
 */
const OPENING_WAIT_MS = 200;

/**
 * PERF-62: how long the snapshot frame sent to a board's early openers stays held after its room is built, unless the
 * document changes first. The room itself holds it weakly (PERF-54), and building the room allocates enough to set
 * off the full garbage collection that frees it: the next client, often one arriving during the build, made the
 * room encode the whole state again (60-100 ms for the P3 board here). After a restart a board's clients come back
 * within a few seconds of each other (y-websocket's reconnect back-off tops out at 2.5 s).
 */
const EARLY_FRAME_HOLD_MS = 3000;

export interface RegistryStats {
  rooms: number;
  writeQueue: number;
  unacknowledged: number;
  compactionsRunning: number;
  compactionsQueued: number;
}

export interface RoomRegistryOptions extends Omit<RoomOptions, "publish"> {
  /** How long an empty room stays loaded, so a quick reconnect does not reload it. */
  unloadDelayMs: number;
  /** Fan-out to other instances; absent = this instance alone. */
  bus?: BoardBus;
  /** While the bus cannot push (Redis down), loaded rooms read the log this often. */
  degradedPollMs?: number;
  /** With push working, loaded rooms still check the log this often (a relay lost with nothing after it). */
  safetyPollMs?: number;
  /** Compactions running at once across all rooms (default 2). */
  compactionConcurrency?: number;
}

export class RoomRegistry {
  private readonly rooms = new Map<string, Promise<Room>>();
  private readonly unloadTimers = new Map<string, NodeJS.Timeout>();
  /** Unloads in progress; a join waits for them so it never sees a half-flushed room. */
  private readonly unloading = new Map<string, Promise<void>>();
  private readonly subscriptions = new Map<string, Promise<Unsubscribe>>();
  /** The same rooms once loaded, to compare synchronously. */
  private readonly loaded = new Map<string, Room>();
  private shuttingDown = false;
  private pollTimer: NodeJS.Timeout | null = null;
  /** Rooms poisoned by an update and reloaded since start (for /metrics). */
  poisonedRooms = 0;
  /** Updates refused with 4422, by rule (for /metrics). */
  readonly refusalsByRule = new Map<string, number>();
  private readonly roomOptions: Omit<RoomOptions, "publish">;
  private readonly compactions: TaskLimiter;
  /** Connections waiting for a board's room, and how to send them the stored state early (PERF-45). */
  private readonly earlyOpeners = new Map<string, Map<CollabConnection, EarlyOpener>>();
  /** Connections that were sent the stored snapshot before the room was built. */
  private readonly answeredEarly = new WeakSet<CollabConnection>();
  /** Snapshot frames sent to early openers, kept for the next ones for a while (PERF-62). */
  private readonly heldFrames = new Set<Uint8Array>();

  constructor(
    private readonly store: UpdateStore,
    private readonly options: RoomRegistryOptions,
  ) {
    this.roomOptions = {
      ...options,
      onPoisoned: (boardId, error) => {
        this.poisonedRooms += 1;
        options.onPoisoned?.(boardId, error);
      },
      onRefused: (boardId, rule) => {
        this.refusalsByRule.set(rule, (this.refusalsByRule.get(rule) ?? 0) + 1);
        options.onRefused?.(boardId, rule);
      },
    };
    this.compactions = options.compactions ?? new TaskLimiter(options.compactionConcurrency ?? 2);
    const bus = options.bus;
    if (!bus) return;
    bus.onPushChange((available) => {
      if (available) {
        options.log("cluster fan-out restored: relaying through the bus again");
        void this.catchUpAll(); // whatever was published while it was down is in the log
      } else options.log(`cluster fan-out unavailable: reading the log every ${this.pollMs()} ms`);
      this.armPoll();
    });
    this.armPoll();
  }

  private pollMs(): number {
    return this.options.bus?.pushAvailable === false
      ? (this.options.degradedPollMs ?? 1000)
      : (this.options.safetyPollMs ?? 10_000);
  }

  private armPoll(): void {
    if (this.pollTimer) clearTimeout(this.pollTimer);
    if (this.shuttingDown || !this.options.bus) return;
    this.pollTimer = setTimeout(() => {
      void this.catchUpAll().finally(() => this.armPoll());
    }, this.pollMs());
    this.pollTimer.unref();
  }

  /** Reads the log for every loaded room (missed relays). */
  async catchUpAll(): Promise<void> {
    const rooms = await Promise.all([...this.rooms.values()].map((loading) => loading.catch(() => null)));
    await Promise.all(
      rooms.map((room) =>
        room?.catchUp().catch((error) => this.options.log(`board ${room.boardId}: catch-up failed`, error)),
      ),
    );
  }

  /** Loads a room and joins its board's relay; the catch-up after subscribing closes the window between. */
  private async loadRoom(boardId: string): Promise<Room> {
    const bus = this.options.bus;
    const stored = await this.store.load(boardId);
    const snapshotFrame = await this.answerEarly(boardId, stored);
    const room = Room.fromStored(
      boardId,
      this.store,
      {
        ...this.roomOptions,
        compactions: this.compactions,
        publish: bus ? (id, message) => bus.publishBoard(id, message) : undefined,
      },
      stored,
      snapshotFrame ?? undefined,
    );
    if (snapshotFrame) this.holdUntilChanged(room.doc, snapshotFrame);
    if (!bus) return room;
    const subscribed = bus.subscribeBoard(boardId, (message) => room.receiveRelayed(message));
    this.subscriptions.set(boardId, subscribed);
    try {
      await subscribed;
      await room.catchUp();
    } catch (error) {
      // Subscribing failed (bus down): polling covers the room until the bus is back.
      this.options.log(`board ${boardId}: could not subscribe to the relay`, error);
    }
    return room;
  }

  /**
   * PERF-45: a board's stored state (its snapshot, and the rows after it as one update) is what the room would send
   * an opener anyway: the connections waiting for it get it now, before the Y.Doc is built (the longest part of a
   * cold open of a big board), once their opening frame is read.
   * Returns the snapshot's sync step 2 frame when it is the whole state (no rows after it), which the room keeps for
   * later openers instead of encoding a second copy (PERF-54); null when it sent none.
   */
  private async answerEarly(boardId: string, stored: StoredBoardState): Promise<Uint8Array | null> {
    const openers = this.earlyOpeners.get(boardId);
    if (!openers || !stored.snapshot) return null;
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      Promise.all([...openers.values()].map((opener) => opener.opened)),
      new Promise((resolve) => (timer = setTimeout(resolve, OPENING_WAIT_MS))),
    ]);
    clearTimeout(timer);
    const frames = [encodeSyncStep2(stored.snapshot)];
    if (stored.tail.length > 0) frames.push(encodeUpdate(Y.mergeUpdates(stored.tail.map((entry) => entry.data))));
    let sent = 0;
    for (const [connection, opener] of openers) {
      if (!opener.answer(frames)) continue;
      this.answeredEarly.add(connection);
      sent++;
    }
    // One turn of the event loop for the sockets to write before the build holds it; never waiting for a client
    // to read (a client that does not must not hold the board's load).
    if (sent > 0) await new Promise((resolve) => setImmediate(resolve));
    return sent > 0 && stored.tail.length === 0 ? frames[0] : null;
  }

  /** Keeps `frame` alive until the document first changes or EARLY_FRAME_HOLD_MS pass (PERF-62). */
  private holdUntilChanged(doc: Y.Doc, frame: Uint8Array): void {
    this.heldFrames.add(frame);
    const release = () => {
      this.heldFrames.delete(frame);
      clearTimeout(timer);
      doc.off("update", release);
    };
    const timer = setTimeout(release, EARLY_FRAME_HOLD_MS);
    timer.unref();
    doc.on("update", release);
  }

  /**
   * Adds the connection to the board's room, loading it if needed. Rejects when the board cannot be loaded.
   * `early`: how to send this connection the stored state while the room is built (PERF-45).
   */
  async join(boardId: string, connection: CollabConnection, early?: EarlyOpener): Promise<Room> {
    if (this.shuttingDown) throw new Error("server is shutting down");
    await this.unloading.get(boardId);
    clearTimeout(this.unloadTimers.get(boardId));
    this.unloadTimers.delete(boardId);
    const current = this.loaded.get(boardId);
    if (current?.broken) {
      // Its reload after poisoning failed: start from storage again.
      this.rooms.delete(boardId);
      this.loaded.delete(boardId);
      if (current.connectionCount === 0) current.destroy();
    }
    let loading = this.rooms.get(boardId);
    if (!loading) {
      const started = this.loadRoom(boardId);
      loading = started;
      this.rooms.set(boardId, started);
      started.then(
        (room) => {
          if (this.rooms.get(boardId) === started) this.loaded.set(boardId, room);
        },
        // A failed load is forgotten so the next join tries again (and never sees an empty doc).
        () => {
          if (this.rooms.get(boardId) === started) this.rooms.delete(boardId);
        },
      );
    }
    let room: Room;
    const waiting = this.earlyOpeners.get(boardId) ?? new Map<CollabConnection, EarlyOpener>();
    if (early) this.earlyOpeners.set(boardId, waiting.set(connection, early));
    try {
      room = await loading;
    } finally {
      waiting.delete(connection);
      if (waiting.size === 0 && this.earlyOpeners.get(boardId) === waiting) this.earlyOpeners.delete(boardId);
    }
    room.join(connection, this.answeredEarly.has(connection));
    this.answeredEarly.delete(connection);
    return room;
  }

  leave(room: Room, connection: CollabConnection): void {
    room.leave(connection);
    if (room.connectionCount > 0 || this.shuttingDown) return;
    clearTimeout(this.unloadTimers.get(room.boardId));
    this.unloadTimers.set(
      room.boardId,
      setTimeout(() => void this.unload(room), this.options.unloadDelayMs),
    );
  }

  /** The loaded room of a board, if any (for closing sockets of removed members, etc.). */
  async loadedRoom(boardId: string): Promise<Room | undefined> {
    return this.rooms.get(boardId)?.catch(() => undefined);
  }

  /**
   * The board's current Yjs state: from the live room when loaded (it may hold
   * updates not yet durable), else from storage. For exports and publishing.
   */
  /**
   * One row of the board's current state, for consensus and comments: read from the live document when the board
   * is loaded (encoding the whole board to read one row cost a full state encode and decode per call).
   */
  async readRow(boardId: string, rowId: string): Promise<ThreatRow | null> {
    const room = await this.loadedRoom(boardId);
    if (room && !room.broken) {
      await room.whenHealthy();
      return readRow(room.doc, rowId);
    }
    const doc = new Y.Doc();
    Y.applyUpdate(doc, await this.readState(boardId));
    return readRow(doc, rowId);
  }

  /** Every row of the board's current state (the live document when loaded), e.g. for row fingerprints. */
  async readRows(boardId: string): Promise<ThreatRow[]> {
    const room = await this.loadedRoom(boardId);
    if (room && !room.broken) {
      await room.whenHealthy();
      return readRows(room.doc);
    }
    const doc = new Y.Doc();
    Y.applyUpdate(doc, await this.readState(boardId));
    return readRows(doc);
  }

  /**
   * A change the server makes to a board's document (decision 020). A loaded room applies it live (its
   * clients receive it); otherwise it is applied to the stored state and the difference appended to the log
   * (and relayed to other instances). Resolves once the change is durable.
   */
  async writeChange(boardId: string, change: (doc: Y.Doc) => void, authorId: string | null): Promise<void> {
    const room = await this.loadedRoom(boardId);
    if (room && !room.broken) return room.applyServerChange(change, authorId);
    const doc = new Y.Doc();
    try {
      Y.applyUpdate(doc, await this.readState(boardId));
      const before = Y.encodeStateVector(doc);
      change(doc);
      const update = Y.encodeStateAsUpdate(doc, before);
      // [0, 0]: no structs and no deletions, nothing changed.
      if (update.byteLength <= 2) return;
      const seq = await this.store.append(boardId, update, { authorId });
      this.options.bus?.publishBoard(boardId, { kind: "update", seq, data: update });
      // A room loaded meanwhile may have read the log before the append: it reads what it lacks.
      await (await this.loadedRoom(boardId))?.catchUp();
    } finally {
      doc.destroy();
    }
  }

  async readState(boardId: string): Promise<Uint8Array> {
    const room = await this.loadedRoom(boardId);
    if (room && !room.broken) {
      await room.whenHealthy();
      return Y.encodeStateAsUpdate(room.doc);
    }
    const stored = await this.store.load(boardId);
    const updates = [...(stored.snapshot ? [stored.snapshot] : []), ...stored.tail.map((entry) => entry.data)];
    return updates.length > 0 ? Y.mergeUpdates(updates) : Y.encodeStateAsUpdate(new Y.Doc());
  }

  get loadedBoardIds(): string[] {
    return [...this.rooms.keys()];
  }

  /** Unload timers waiting to fire (for leak checks and metrics). */
  get pendingUnloads(): number {
    return this.unloadTimers.size;
  }

  private async unload(room: Room): Promise<void> {
    this.unloadTimers.delete(room.boardId);
    if (room.connectionCount > 0 || this.unloading.has(room.boardId)) return;
    const done = room
      .flush()
      .catch((error) => this.options.log(`board ${room.boardId}: flush on unload failed`, error))
      .finally(async () => {
        if (room.connectionCount === 0) {
          // Only forget the entry if it is still this room (a broken room may already have been replaced).
          if (this.loaded.get(room.boardId) === room) {
            this.rooms.delete(room.boardId);
            this.loaded.delete(room.boardId);
            await this.unsubscribe(room.boardId);
          }
          room.destroy();
        }
        this.unloading.delete(room.boardId);
      });
    this.unloading.set(room.boardId, done);
    await done;
  }

  stats(): RegistryStats {
    let writeQueue = 0;
    let unacknowledged = 0;
    for (const room of this.loaded.values()) {
      const work = room.pendingWork;
      writeQueue += work.writeQueue;
      unacknowledged += work.unacknowledged;
    }
    return {
      rooms: this.loaded.size,
      writeQueue,
      unacknowledged,
      compactionsRunning: this.compactions.active,
      compactionsQueued: this.compactions.queued,
    };
  }

  /** Every loaded room's frames by stage towards their acknowledgement (the crash script's trace). */
  ackStages(): AckStages {
    const total = noAckStages();
    for (const room of this.loaded.values()) {
      const stages = room.ackStages;
      for (const key of Object.keys(total) as (keyof AckStages)[]) total[key] += stages[key];
    }
    return total;
  }

  private async unsubscribe(boardId: string): Promise<void> {
    const subscribed = this.subscriptions.get(boardId);
    this.subscriptions.delete(boardId);
    if (!subscribed) return;
    await subscribed
      .then((unsubscribe) => unsubscribe())
      .catch((error) => this.options.log(`board ${boardId}: unsubscribe failed`, error));
  }

  /** Makes every loaded room's updates durable (rooms stay loaded). */
  async flushAll(): Promise<void> {
    const rooms = await Promise.all([...this.rooms.values()].map((loading) => loading.catch(() => null)));
    await Promise.all(rooms.map((room) => room?.flush()));
  }

  /** Server shutdown: no more joins or unloads; every room's updates made durable. */
  async shutdown(): Promise<void> {
    this.shuttingDown = true;
    if (this.pollTimer) clearTimeout(this.pollTimer);
    for (const timer of this.unloadTimers.values()) clearTimeout(timer);
    this.unloadTimers.clear();
    const rooms = await Promise.all([...this.rooms.values()].map((loading) => loading.catch(() => null)));
    await Promise.all([...rooms.map((room) => room?.flush()), ...this.unloading.values()]);
    for (const room of rooms) room?.destroy();
  }
}
