/**
 * COLLAB-33: the group commit window. Frames read from several sockets in one event-loop turn arrive in separate
 * callbacks; they all join one write instead of one write (on SQLite one fsync, blocking the loop) per socket.
 * COLLAB-34: group commits are pipelined where the store allows it, and acknowledgements cover only the
 * committed prefix.
 * COLLAB-47: a store that can tell, synchronously, that commits have finished (PostgreSQL's append thread) is
 * asked as each update is queued, so commits finished during a long event-loop turn count within it.
 * COLLAB-48: where commits are pipelined and settled within a turn, a window that holds ASYNC_WINDOW_UPDATES in
 * one long turn sends its batch at once, instead of at the end of the turn.
 * PERF-74: each compaction threshold is drawn at random in [compactEvery, compactEvery × (1 + spread)), afresh
 * after each compaction, so boards loaded together do not all compact in the same second.
 */
import { describe, expect, it, vi } from "vitest";
import * as Y from "yjs";
import { addRow } from "../../core/board-doc";
import { MemoryUpdateStore } from "./memory-update-store";
import { ASYNC_WINDOW_UPDATES, DEFAULT_COMPACT_SPREAD, UpdatePersister } from "./update-persister";

/** The in-memory store, declaring that two appends of one board may be in flight (as PostgreSQL's does). */
class PipelinedMemoryStore extends MemoryUpdateStore {
  readonly appendConcurrency = 2;
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Lets promise callbacks run, never the event loop's other phases (timers, I/O, setImmediate): one long turn. */
async function microtasks(count = 20): Promise<void> {
  for (let i = 0; i < count; i++) await Promise.resolve();
}

/** A pipelined store whose commits can be settled within a turn (as PostgreSQL's append thread's can, COLLAB-47). */
class SettlingMemoryStore extends PipelinedMemoryStore {
  pollCommits(): void {}
}

/** A persister of board b1 on `store`, and the durable counts its commits reported (acknowledgements). */
function persisterOn(store: MemoryUpdateStore): { persister: UpdatePersister; committed: number[] } {
  const committed: number[] = [];
  const options = {
    compactEvery: 1000,
    log: () => undefined,
    onCommitted: (durable: number) => committed.push(durable),
  };
  return { persister: new UpdatePersister("b1", store, () => null, options, 0), committed };
}

/**
 * A pipelined store whose commits finish at `finish()` but are reported only when asked (pollCommits), as
 * PostgreSQL's append thread reports a commit in shared memory before the event loop reads its message.
 */
class PolledStore extends PipelinedMemoryStore {
  private finished: (() => void)[] = [];
  private reportable: (() => void)[] = [];
  async appendMany(boardId: string, updates: { update: Uint8Array; meta: { authorId: string | null } }[]) {
    await new Promise<void>((resolve) => this.finished.push(() => this.reportable.push(resolve)));
    return super.appendMany(boardId, updates);
  }
  /** The store finishes every commit in flight (nothing reported yet). */
  finish(): void {
    for (const done of this.finished.splice(0)) done();
  }
  pollCommits(): void {
    for (const report of this.reportable.splice(0)) report();
  }
  get inFlight(): number {
    return this.finished.length + this.reportable.length;
  }
}

/** A seeded source in [0, 1) (mulberry32): the same draws on every run. */
function seededRandom(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * `boards` boards loaded together, each sent `updates` updates one at a time in step (as the P10 soak types), with
 * `compactEvery` and the given spread options: per board, the log length each compaction covered.
 */
async function compactionPoints(
  boards: number,
  updates: number,
  options: { compactEvery: number; compactSpread?: number; random?: () => number },
): Promise<number[][]> {
  const store = new MemoryUpdateStore();
  const compact = vi.spyOn(store, "compact");
  const doc = new Y.Doc();
  const persisters = Array.from({ length: boards }, (_, index) => {
    store.createBoard(`b${index}`);
    return new UpdatePersister(`b${index}`, store, () => doc, { ...options, log: () => undefined }, 0);
  });
  const update = rowUpdate("row");
  for (let n = 0; n < updates; n++) {
    for (const persister of persisters) persister.enqueue(update, { authorId: null });
    await Promise.all(persisters.map((persister) => persister.settled()));
    // A compaction starts beside the writes and ends within a turn (memory store): done before the next update.
    await nextTurn();
    await nextTurn();
  }
  return persisters.map((_, index) =>
    compact.mock.calls.filter(([boardId]) => boardId === `b${index}`).map(([, , covers]) => covers),
  );
}

/** The number of updates between one compaction and the one before. */
function gaps(points: number[]): number[] {
  return points.map((point, index) => point - (index === 0 ? 0 : points[index - 1]));
}

function rowUpdate(title: string): Uint8Array {
  const doc = new Y.Doc();
  addRow(doc, { title });
  return Y.encodeStateAsUpdate(doc);
}

describe("update persister", () => {
  it("COLLAB-33 updates enqueued by separate callbacks of one event-loop turn are written as one group commit", async () => {
    const store = new MemoryUpdateStore();
    store.createBoard("b1");
    const appendMany = vi.spyOn(store, "appendMany");
    const persister = new UpdatePersister("b1", store, () => null, { compactEvery: 1000, log: () => undefined }, 0);
    // Five callbacks queued together run in one phase of the event loop (immediates queued before a check phase
    // all run in it), like five sockets' reads in one poll phase; each enqueues from its own callback.
    await new Promise<void>((resolve) => {
      for (let socket = 0; socket < 5; socket++)
        setImmediate(() => {
          persister.enqueue(rowUpdate(`row ${socket}`), { authorId: `author-${socket}` });
          if (socket === 4) resolve();
        });
    });
    await persister.settled();
    expect(appendMany).toHaveBeenCalledTimes(1);
    expect(appendMany.mock.calls[0][1]).toHaveLength(5);
    expect(persister.durableCount).toBe(5);
  });

  it("COLLAB-34 a second group commit goes out while the first is in flight, and a commit that overtakes an earlier one acknowledges nothing until that one is committed", async () => {
    const store = new PipelinedMemoryStore();
    store.createBoard("b1");
    const append = store.appendMany.bind(store);
    const gates: (() => void)[] = [];
    vi.spyOn(store, "appendMany").mockImplementation(async (boardId, updates) => {
      await new Promise<void>((resolve) => gates.push(resolve));
      return append(boardId, updates);
    });
    const { persister, committed } = persisterOn(store);
    persister.enqueue(rowUpdate("first"), { authorId: "a" });
    await nextTurn();
    await nextTurn();
    persister.enqueue(rowUpdate("second"), { authorId: "b" });
    persister.enqueue(rowUpdate("third"), { authorId: "b" });
    await nextTurn();
    await nextTurn();
    expect(gates).toHaveLength(2); // both writes in flight
    expect(persister.pendingCount).toBe(3);

    gates[1](); // the second commits first
    await nextTurn();
    expect(committed).toEqual([]);
    expect(persister.durableCount).toBe(0);

    gates[0]();
    await persister.settled();
    expect(committed).toEqual([3]);
    expect(persister.durableCount).toBe(3);
    expect(persister.pendingCount).toBe(0);
    const stored = await store.load("b1");
    expect(stored.tail.map((entry) => entry.id)).toEqual([1, 2]);
    expect(persister.lastDurableId).toBe(2);
  });

  it("COLLAB-47 a commit the store finished during a long event-loop turn counts as durable at the next update queued in that turn", async () => {
    const store = new PolledStore();
    store.createBoard("b1");
    const { persister, committed } = persisterOn(store);
    persister.enqueue(rowUpdate("first"), { authorId: "a" });
    await nextTurn();
    expect(store.inFlight).toBe(1);
    // From here on, one turn: the commit finishes while the turn goes on reading frames.
    store.finish();
    await microtasks();
    expect(persister.durableCount).toBe(0); // nobody asked yet
    persister.enqueue(rowUpdate("second"), { authorId: "b" });
    await microtasks();
    expect(persister.durableCount).toBe(1);
    expect(committed).toEqual([1]);
    while (persister.pendingCount > 0) {
      store.finish();
      store.pollCommits();
      await nextTurn();
    }
    expect(persister.durableCount).toBe(2);
  });

  it("COLLAB-48 where commits are pipelined and settled within a turn, a long turn sends its batch once the window holds ASYNC_WINDOW_UPDATES; other stores still wait for the end of the turn (COLLAB-33)", async () => {
    for (const [store, midTurn] of [
      [new SettlingMemoryStore(), true],
      [new PipelinedMemoryStore(), false], // pipelined, but a commit would count only once the turn is over
      [new MemoryUpdateStore(), false],
    ] as const) {
      store.createBoard("b1");
      const appendMany = vi.spyOn(store, "appendMany");
      const persister = new UpdatePersister("b1", store, () => null, { compactEvery: 1000, log: () => undefined }, 0);
      const update = rowUpdate("row");
      // One turn: only promise callbacks run between the updates.
      for (let i = 1; i < ASYNC_WINDOW_UPDATES; i++) {
        persister.enqueue(update, { authorId: `author-${i % 2}` });
        await microtasks(2);
      }
      await microtasks();
      expect(appendMany).not.toHaveBeenCalled();
      persister.enqueue(update, { authorId: "author-last" });
      await microtasks();
      expect(appendMany).toHaveBeenCalledTimes(midTurn ? 1 : 0);
      if (midTurn) expect(appendMany.mock.calls[0][1]).toHaveLength(ASYNC_WINDOW_UPDATES);
      await persister.settled();
      expect(persister.durableCount).toBe(ASYNC_WINDOW_UPDATES);
    }
  });

  it("PERF-74 boards loaded together compact at different counts, each at least compactEvery and under compactEvery × (1 + spread), drawn afresh after each compaction", async () => {
    expect(DEFAULT_COMPACT_SPREAD).toBe(0.5);
    const points = await compactionPoints(40, 65, { compactEvery: 20, random: seededRandom(74) });
    for (const board of points) {
      expect(board.length).toBeGreaterThanOrEqual(2);
      for (const gap of gaps(board)) {
        expect(gap).toBeGreaterThanOrEqual(20);
        expect(gap).toBeLessThan(30);
      }
    }
    // Not one burst: the first compactions are spread over the range...
    expect(new Set(points.map((board) => board[0])).size).toBeGreaterThanOrEqual(5);
    // ...and a board's next threshold is a new draw, not its first one again.
    expect(points.filter((board) => gaps(board)[1] !== board[0]).length).toBeGreaterThan(0);
  });

  it("PERF-74 with no spread every board compacts at exactly every compactEvery updates", async () => {
    const points = await compactionPoints(5, 45, { compactEvery: 20, compactSpread: 0, random: seededRandom(74) });
    for (const board of points) expect(board).toEqual([20, 40]);
  });
});
