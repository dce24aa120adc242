/**
 * Keeps one Room per active board: loads it on first join (concurrent joins
 * share the same load), unloads it once the last connection has left and its
 * updates are durable.
 */
import * as Y from "yjs";
import type { CollabConnection } from "./connection";
import { Room, type RoomOptions } from "./room";
import type { UpdateStore } from "./update-store";

export interface RoomRegistryOptions extends RoomOptions {
  /** How long an empty room stays loaded, so a quick reconnect does not reload it. */
  unloadDelayMs: number;
}

export class RoomRegistry {
  private readonly rooms = new Map<string, Promise<Room>>();
  private readonly unloadTimers = new Map<string, NodeJS.Timeout>();
  /** Unloads in progress; a join waits for them so it never sees a half-flushed room. */
  private readonly unloading = new Map<string, Promise<void>>();
  private shuttingDown = false;

  constructor(
    private readonly store: UpdateStore,
    private readonly options: RoomRegistryOptions,
  ) {}

  /** Adds the connection to the board's room, loading it if needed. Rejects when the board cannot be loaded. */
  async join(boardId: string, connection: CollabConnection): Promise<Room> {
    if (this.shuttingDown) throw new Error("server is shutting down");
    await this.unloading.get(boardId);
    clearTimeout(this.unloadTimers.get(boardId));
    this.unloadTimers.delete(boardId);
    let loading = this.rooms.get(boardId);
    if (!loading) {
      loading = Room.load(boardId, this.store, this.options);
      this.rooms.set(boardId, loading);
      // A failed load is forgotten so the next join tries again (and never sees an empty doc).
      loading.catch(() => this.rooms.delete(boardId));
    }
    const room = await loading;
    room.join(connection);
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
  async readState(boardId: string): Promise<Uint8Array> {
    const room = await this.loadedRoom(boardId);
    if (room) return Y.encodeStateAsUpdate(room.doc);
    const stored = await this.store.load(boardId);
    const updates = [...(stored.snapshot ? [stored.snapshot] : []), ...stored.tail.map((entry) => entry.data)];
    return updates.length > 0 ? Y.mergeUpdates(updates) : Y.encodeStateAsUpdate(new Y.Doc());
  }

  get loadedBoardIds(): string[] {
    return [...this.rooms.keys()];
  }

  private async unload(room: Room): Promise<void> {
    this.unloadTimers.delete(room.boardId);
    if (room.connectionCount > 0 || this.unloading.has(room.boardId)) return;
    const done = room
      .flush()
      .catch((error) => this.options.log(`board ${room.boardId}: flush on unload failed`, error))
      .finally(() => {
        if (room.connectionCount === 0) this.rooms.delete(room.boardId);
        this.unloading.delete(room.boardId);
      });
    this.unloading.set(room.boardId, done);
    await done;
  }

  /** Server shutdown: no more joins or unloads; every room's updates made durable. */
  async shutdown(): Promise<void> {
    this.shuttingDown = true;
    for (const timer of this.unloadTimers.values()) clearTimeout(timer);
    this.unloadTimers.clear();
    const rooms = await Promise.all([...this.rooms.values()].map((loading) => loading.catch(() => null)));
    await Promise.all([...rooms.map((room) => room?.flush()), ...this.unloading.values()]);
  }
}
