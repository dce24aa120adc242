import { randomBytes } from "node:crypto";
/**
 * Storage contract, run against every store we support (storage-contract.*.test.ts): the update-log
 * part against memory, SQLite and PostgreSQL, the rest against both databases.
 * Each suite gets one freshly migrated database; tests create their own boards.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { MemoryUpdateStore } from "../../server/collab/memory-update-store";
import { BoardNotFoundError, type UpdateStore } from "../../server/collab/update-store";
import {
  archiveBoard,
  createBoard,
  createCustomInstrument,
  getBoard,
  listBoards,
  listInstruments,
  renameBoard,
  unarchiveBoard,
} from "../../server/db/boards";
import type { DatabaseKind } from "../../server/db/database-url";
import { snapshotWriterOf, type PrismaClient } from "../../server/db/prisma-client";
import { PrismaUpdateStore } from "../../server/db/prisma-update-store";
import { seedInstruments } from "../../server/db/seed-instruments";

export interface StorageUnderTest {
  kind: DatabaseKind;
  prisma: PrismaClient;
  /** Disconnects and deletes the database. */
  close(): Promise<void>;
}

const LIBRARY_SIZE = 33;

/** SQL that makes every DELETE on BoardUpdate fail: a compaction that dies half-way. */
const BLOCK_DELETES: Record<DatabaseKind, { install: string[]; remove: string[] }> = {
  sqlite: {
    install: [`CREATE TRIGGER block_delete BEFORE DELETE ON "BoardUpdate" BEGIN SELECT RAISE(ABORT, 'blocked'); END`],
    remove: [`DROP TRIGGER block_delete`],
  },
  postgres: {
    install: [
      `CREATE FUNCTION block_delete() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'blocked'; END $$`,
      `CREATE TRIGGER block_delete BEFORE DELETE ON "BoardUpdate" FOR EACH ROW EXECUTE FUNCTION block_delete()`,
    ],
    remove: [`DROP TRIGGER block_delete ON "BoardUpdate"`, `DROP FUNCTION block_delete()`],
  },
};

/** A Yjs document and the updates it emitted, as the collaboration server would log them. */
function recordedDoc() {
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on("update", (update: Uint8Array) => updates.push(update));
  return { doc, updates, cells: doc.getMap<string>("cells") };
}

function replay(snapshot: Uint8Array | null, tail: { data: Uint8Array }[]): Record<string, string> {
  const doc = new Y.Doc();
  if (snapshot) Y.applyUpdate(doc, snapshot);
  for (const { data } of tail) Y.applyUpdate(doc, data);
  return doc.getMap<string>("cells").toJSON() as Record<string, string>;
}

export interface UpdateStoreUnderTest {
  store: UpdateStore;
  newBoard(): Promise<string>;
  /** Makes deleting update rows fail (a compaction dying half-way); returns the undo. */
  blockDeletes(): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

const NO_AUTHOR = { authorId: null };

/** The UpdateStore contract: what rooms rely on, for every implementation. */
export function describeUpdateStoreContract(name: string, open: () => Promise<UpdateStoreUnderTest>): void {
  describe(`update store contract: ${name}`, () => {
    let under: UpdateStoreUnderTest;
    let store: UpdateStore;
    beforeAll(async () => {
      under = await open();
      store = under.store;
    });
    afterAll(async () => under?.close());
    const newBoard = () => under.newBoard();

    it("load of a missing board throws BoardNotFoundError", async () => {
      await expect(store.load("no-such-board")).rejects.toBeInstanceOf(BoardNotFoundError);
      await expect(store.append("no-such-board", new Uint8Array([1]), NO_AUTHOR)).rejects.toBeInstanceOf(
        BoardNotFoundError,
      );
      await expect(
        store.appendMany("no-such-board", [{ update: new Uint8Array([1]), meta: NO_AUTHOR }]),
      ).rejects.toBeInstanceOf(BoardNotFoundError);
      await expect(store.compact("no-such-board", new Uint8Array([1]), 1)).rejects.toBeInstanceOf(BoardNotFoundError);
    });

    it("a new board loads empty", async () => {
      const boardId = await newBoard();
      expect(await store.load(boardId)).toEqual({ snapshot: null, snapshotCoversUpdateId: 0, tail: [] });
    });

    it("append returns increasing ids and load gives the updates back in order, byte for byte", async () => {
      const boardId = await newBoard();
      const backing = new Uint8Array([9, 9, 1, 2, 3, 9, 9]);
      const inputs = [
        new Uint8Array([0]),
        backing.subarray(2, 5),
        new Uint8Array(70_000).fill(7),
        new Uint8Array([255]),
      ];
      const ids: number[] = [];
      for (const [index, data] of inputs.entries()) {
        ids.push(await store.append(boardId, data, { authorId: index % 2 ? "user-1" : null }));
      }
      expect([...ids].sort((a, b) => a - b)).toEqual(ids);
      const state = await store.load(boardId);
      expect(state.tail.map((entry) => entry.id)).toEqual(ids);
      state.tail.forEach((entry, index) => {
        expect(entry.data).toBeInstanceOf(Uint8Array);
        expect(Buffer.isBuffer(entry.data)).toBe(false);
        expect(Array.from(entry.data)).toEqual(Array.from(inputs[index]));
      });
    });

    it("COLLAB-3 appendMany writes a group as consecutive sequence numbers in one call", async () => {
      const boardId = await newBoard();
      expect(await store.append(boardId, new Uint8Array([1]), NO_AUTHOR)).toBe(1);
      const first = await store.appendMany(boardId, [
        { update: new Uint8Array([2]), meta: NO_AUTHOR },
        { update: new Uint8Array([3]), meta: { authorId: "user-1" } },
        { update: new Uint8Array([4]), meta: NO_AUTHOR },
      ]);
      expect(first).toBe(2);
      expect(await store.append(boardId, new Uint8Array([5]), NO_AUTHOR)).toBe(5);
      const state = await store.load(boardId);
      expect(state.tail.map((entry) => [entry.id, entry.data[0]])).toEqual([
        [1, 1],
        [2, 2],
        [3, 3],
        [4, 4],
        [5, 5],
      ]);
    });

    it("COLLAB-5 compact then load (snapshot + tail) gives back the same document", async () => {
      const boardId = await newBoard();
      const { updates, cells } = recordedDoc();
      const ids: number[] = [];
      for (let i = 0; i < 6; i++) {
        cells.set(`cell-${i}`, `value ${i}`);
        ids.push(await store.append(boardId, updates[i], NO_AUTHOR));
      }
      await store.compact(boardId, Y.mergeUpdates(updates.slice(0, 4)), ids[3]);

      const state = await store.load(boardId);
      expect(state.snapshotCoversUpdateId).toBe(ids[3]);
      expect(state.tail.map((entry) => entry.id)).toEqual(ids.slice(4));
      expect(replay(state.snapshot, state.tail)).toEqual(cells.toJSON());
    });

    it("COLLAB-5 compact then more appends and a second compact keep every change", async () => {
      const boardId = await newBoard();
      const { updates, cells } = recordedDoc();
      const append = async (key: string) => {
        cells.set(key, key.toUpperCase());
        return store.append(boardId, updates[updates.length - 1], NO_AUTHOR);
      };
      await append("a");
      const second = await append("b");
      await store.compact(boardId, Y.mergeUpdates(updates), second);
      await append("c");
      const fourth = await append("d");
      await append("e");
      await store.compact(boardId, Y.mergeUpdates(updates.slice(0, 4)), fourth);

      const state = await store.load(boardId);
      expect(state.snapshotCoversUpdateId).toBe(fourth);
      expect(state.tail).toHaveLength(1);
      expect(replay(state.snapshot, state.tail)).toEqual({ a: "A", b: "B", c: "C", d: "D", e: "E" });
    });

    it("COLLAB-5 a compaction that dies half-way loses nothing, and the next one finishes the job", async () => {
      const boardId = await newBoard();
      const { updates, cells } = recordedDoc();
      for (let i = 0; i < 3; i++) {
        cells.set(`k${i}`, `v${i}`);
        await store.append(boardId, updates[i], NO_AUTHOR);
      }
      const unblock = await under.blockDeletes();
      try {
        await store.compact(boardId, Y.mergeUpdates(updates.slice(0, 2)), 2).catch(() => undefined);
      } finally {
        await unblock();
      }
      const between = await store.load(boardId);
      expect(between.tail.every((entry) => entry.id > between.snapshotCoversUpdateId)).toBe(true);
      expect(replay(between.snapshot, between.tail)).toEqual(cells.toJSON());
      await store.compact(boardId, Y.mergeUpdates(updates), 3);
      const after = await store.load(boardId);
      expect(after).toMatchObject({ snapshotCoversUpdateId: 3, tail: [] });
      expect(replay(after.snapshot, after.tail)).toEqual(cells.toJSON());
    });

    it("COLLAB-5 COLLAB-49 a 16 MB board compacts while its log keeps growing, and 100 boards compact at once", async () => {
      // Issue 9: a 13–21 MB board's compaction hit Prisma's 5 s transaction limit on PostgreSQL and held appends
      // up, and 1,000 compactions at once all failed to start a transaction. Compaction holds no transaction.
      const boardId = await newBoard();
      const { doc, updates, cells } = recordedDoc();
      // Incompressible text, so the snapshot really is 16 MB on disk.
      cells.set("big", randomBytes(12 * 1024 * 1024).toString("base64"));
      const covered = await store.append(boardId, updates[0], NO_AUTHOR);
      const snapshot = Y.encodeStateAsUpdate(doc);
      expect(snapshot.length).toBeGreaterThan(16 * 1024 * 1024);
      let appended = 0;
      const appending = (async () => {
        for (let i = 0; i < 20; i++) {
          cells.set(`after-${i}`, `v${i}`);
          await store.append(boardId, updates[updates.length - 1], NO_AUTHOR);
          appended++;
        }
      })();
      await Promise.all([store.compact(boardId, snapshot, covered), appending]);
      expect(appended).toBe(20);
      const state = await store.load(boardId);
      expect(state.snapshotCoversUpdateId).toBe(covered);
      expect(replay(state.snapshot, state.tail)).toEqual(cells.toJSON());

      const boards = await Promise.all(Array.from({ length: 100 }, () => newBoard()));
      const small = recordedDoc();
      small.cells.set("k", "v");
      await Promise.all(boards.map((id) => store.append(id, small.updates[0], NO_AUTHOR)));
      await Promise.all(boards.map((id) => store.compact(id, small.updates[0], 1)));
      for (const id of boards) expect(await store.load(id)).toMatchObject({ snapshotCoversUpdateId: 1, tail: [] });
    });

    it("OPS-1 ping answers while storage is reachable", async () => {
      await expect(store.ping()).resolves.toBeUndefined();
    });
  });
}

/** The in-memory store, for the same contract. */
export function memoryUpdateStore(): UpdateStoreUnderTest {
  const store = new MemoryUpdateStore();
  let next = 0;
  return {
    store,
    async newBoard() {
      const boardId = `memory-board-${++next}`;
      store.createBoard(boardId);
      return boardId;
    },
    async blockDeletes() {
      // Memory compaction is one step: a failed one changes nothing.
      store.failWritesWith = new Error("blocked");
      return async () => {
        store.failWritesWith = null;
      };
    },
    async close() {},
  };
}

export function describeStorageContract(name: string, open: () => Promise<StorageUnderTest>): void {
  let shared: Promise<StorageUnderTest> | null = null;
  const database = () => (shared ??= open());
  // Both suites below share the database: it closes after the file's last test, whichever suite runs last
  // (under --sequence.shuffle the second suite can run first; closing in its afterAll failed the other one).
  afterAll(async () => (await shared)?.close());
  describeUpdateStoreContract(name, async () => {
    const db = await database();
    return {
      store: new PrismaUpdateStore(db.prisma),
      newBoard: async () => (await createBoard(db.prisma, { title: "Board" })).id,
      async blockDeletes() {
        for (const sql of BLOCK_DELETES[db.kind].install) await db.prisma.$executeRawUnsafe(sql);
        return async () => {
          for (const sql of BLOCK_DELETES[db.kind].remove) await db.prisma.$executeRawUnsafe(sql);
        };
      },
      close: async () => undefined,
    };
  });

  describe(`storage contract: ${name}`, () => {
    let db: StorageUnderTest;
    let store: PrismaUpdateStore;

    beforeAll(async () => {
      db = await database();
      store = new PrismaUpdateStore(db.prisma);
    });

    const newBoard = async (title = "Board") => (await createBoard(db.prisma, { title })).id;

    it("SCALE-2 sequence numbers are per board, gap-free and in order, even from concurrent appenders", async () => {
      const boardId = await newBoard();
      const other = await newBoard();
      const second = new PrismaUpdateStore(db.prisma);
      const seqs = await Promise.all(
        Array.from({ length: 12 }, (_, i) =>
          (i % 2 ? second : store).append(boardId, new Uint8Array([i]), { authorId: null }),
        ),
      );
      expect([...seqs].sort((a, b) => a - b)).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
      expect(await store.append(other, new Uint8Array([1]), { authorId: null })).toBe(1);
      const since = await store.readSince(boardId, 9);
      expect(since.snapshot).toBeNull();
      expect(since.tail.map((entry) => entry.id)).toEqual([10, 11, 12]);
    });

    it("SCALE-2 big groups from two stores on two boards interleave and stay gap-free per board", async () => {
      const boards = [await newBoard(), await newBoard()];
      const second = new PrismaUpdateStore(db.prisma);
      const group = (size: number, tag: number) =>
        Array.from({ length: size }, (_, i) => ({ update: new Uint8Array([tag, i % 256]), meta: { authorId: null } }));
      const firsts = await Promise.all(
        [300, 1, 57, 2, 120, 9].map((size, i) =>
          (i % 2 ? second : store).appendMany(boards[i % 2], group(size, i)).then((first) => ({ i, size, first })),
        ),
      );
      for (const [b, boardId] of boards.entries()) {
        const mine = firsts.filter(({ i }) => i % 2 === b).sort((x, y) => x.first - y.first);
        const tail = (await store.load(boardId)).tail;
        expect(tail.map((entry) => entry.id)).toEqual(Array.from({ length: tail.length }, (_, n) => n + 1));
        expect(tail).toHaveLength(mine.reduce((sum, { size }) => sum + size, 0));
        // Each group is one consecutive run of its own rows, starting where its append said.
        for (const { i, size, first } of mine) {
          expect(tail.slice(first - 1, first - 1 + size).map((entry) => Array.from(entry.data))).toEqual(
            group(size, i).map(({ update }) => Array.from(update)),
          );
        }
      }
    });

    it("COLLAB-3 an append made while a Prisma transaction is open on the same connection is not part of it", async () => {
      const boardId = await newBoard();
      let appended: Promise<number> | null = null;
      await expect(
        db.prisma.$transaction(async (tx) => {
          await tx.board.update({ where: { id: boardId }, data: { title: "renamed" }, select: { id: true } });
          appended = store.append(boardId, new Uint8Array([7]), { authorId: "user-1" });
          await tx.board.findUnique({ where: { id: boardId }, select: { id: true } });
          throw new Error("roll back");
        }),
      ).rejects.toThrow("roll back");
      expect(await appended).toBe(1);
      expect((await getBoard(db.prisma, boardId))?.title).toBe("Board");
      const rows = await db.prisma.boardUpdate.findMany({
        where: { boardId },
        select: { seq: true, data: true, authorId: true, createdAt: true },
      });
      expect(rows.map((row) => [row.seq, Array.from(row.data), row.authorId])).toEqual([[1, [7], "user-1"]]);
      // Written as Prisma writes a DateTime, so Prisma reads it back as one (UTC).
      expect(Math.abs(rows[0].createdAt.getTime() - Date.now())).toBeLessThan(60_000);
    });

    it("PERF-44 a load on the driver while a Prisma transaction is open on the same connection does not see what it wrote", async () => {
      const boardId = await newBoard();
      await store.append(boardId, new Uint8Array([1]), { authorId: null });
      let loaded: ReturnType<PrismaUpdateStore["load"]> | null = null;
      await expect(
        db.prisma.$transaction(async (tx) => {
          await tx.boardUpdate.create({ data: { boardId, seq: 2, data: new Uint8Array([2]) }, select: { id: true } });
          await tx.boardSnapshot.create({ data: { boardId, data: new Uint8Array([9]), coversSeq: 2 } });
          loaded = store.load(boardId);
          await tx.board.findUnique({ where: { id: boardId }, select: { id: true } });
          throw new Error("roll back");
        }),
      ).rejects.toThrow("roll back");
      const state = await loaded!;
      expect(state.snapshot).toBeNull();
      expect(state.tail.map((entry) => [entry.id, Array.from(entry.data)])).toEqual([[1, [1]]]);
    });

    it("COLLAB-3 appends carry on after the client disconnected and reconnected", async () => {
      const boardId = await newBoard();
      expect(await store.append(boardId, new Uint8Array([1]), { authorId: null })).toBe(1);
      await db.prisma.$disconnect();
      expect(await store.append(boardId, new Uint8Array([2]), { authorId: null })).toBe(2);
      expect((await store.load(boardId)).tail.map((entry) => entry.data[0])).toEqual([1, 2]);
    });

    it("SCALE-3 a compaction never moves the snapshot backwards, and readSince brings it when it is needed", async () => {
      const boardId = await newBoard();
      const { updates, cells } = recordedDoc();
      for (let i = 0; i < 5; i++) {
        cells.set(`k${i}`, `v${i}`);
        await store.append(boardId, updates[i], { authorId: null });
      }
      await store.compact(boardId, Y.mergeUpdates(updates.slice(0, 4)), 4);
      // A slower instance finishing an older compaction changes nothing.
      await new PrismaUpdateStore(db.prisma).compact(boardId, Y.mergeUpdates(updates.slice(0, 2)), 2);
      const state = await store.load(boardId);
      expect(state.snapshotCoversUpdateId).toBe(4);
      expect(replay(state.snapshot, state.tail)).toEqual(cells.toJSON());
      const behind = await store.readSince(boardId, 1);
      expect(behind.snapshot).not.toBeNull();
      expect(behind.tail.map((entry) => entry.id)).toEqual([5]);
      const current = await store.readSince(boardId, 4);
      expect(current.snapshot).toBeNull();
      expect(current.tail.map((entry) => entry.id)).toEqual([5]);
    });

    it("SCALE-3 while one instance holds the compaction lease, another does not compact; an expired lease is taken over", async () => {
      const boardId = await newBoard();
      await store.append(boardId, new Uint8Array([1]), { authorId: null });
      await db.prisma.compactionLease.create({
        data: { boardId, holder: "another-instance", expiresAt: new Date(Date.now() + 60_000) },
      });
      await store.compact(boardId, new Uint8Array([0, 0]), 1);
      expect(await db.prisma.boardSnapshot.count({ where: { boardId } })).toBe(0);
      await db.prisma.compactionLease.update({ where: { boardId }, data: { expiresAt: new Date(Date.now() - 1) } });
      await store.compact(boardId, new Uint8Array([0, 0]), 1);
      expect(await db.prisma.boardSnapshot.count({ where: { boardId } })).toBe(1);
      expect(await db.prisma.compactionLease.count({ where: { boardId } })).toBe(0);
    });

    it("PERF-73 the compaction lease taken and released on the driver is Prisma's row: same expiry, same comparisons, a lease Prisma wrote is honoured until it expires", async () => {
      const writer = snapshotWriterOf(db.prisma);
      const boardId = await newBoard();
      const now = new Date();
      const at = (ms: number) => new Date(now.getTime() + ms);
      const lease = () =>
        db.prisma.compactionLease.findUnique({ where: { boardId }, select: { holder: true, expiresAt: true } });
      expect(await writer.takeLease(boardId, "driver", at(60_123), now)).toBe(true);
      expect(await lease()).toEqual({ holder: "driver", expiresAt: at(60_123) });
      // Prisma compares the driver's expiry as it compares its own, to the millisecond.
      const expiredBefore = (date: Date) =>
        db.prisma.compactionLease.count({ where: { boardId, expiresAt: { lt: date } } });
      expect(await expiredBefore(at(60_123))).toBe(0);
      expect(await expiredBefore(at(60_124))).toBe(1);
      // Held until it expires, then taken over; a release by a holder that lost it drops nothing.
      expect(await writer.takeLease(boardId, "other", at(120_000), at(60_123))).toBe(false);
      expect(await writer.takeLease(boardId, "other", at(120_000), at(60_124))).toBe(true);
      await writer.releaseLease(boardId, "driver");
      expect(await lease()).toEqual({ holder: "other", expiresAt: at(120_000) });
      await writer.releaseLease(boardId, "other");
      expect(await lease()).toBeNull();
      // A lease Prisma wrote (another instance, or an older one) is the same row.
      await db.prisma.compactionLease.create({ data: { boardId, holder: "prisma", expiresAt: at(5_000) } });
      expect(await writer.takeLease(boardId, "driver", at(65_000), at(4_999))).toBe(false);
      expect(await writer.takeLease(boardId, "driver", at(65_000), at(5_000))).toBe(false);
      expect(await writer.takeLease(boardId, "driver", at(65_000), at(5_001))).toBe(true);
      expect(await lease()).toEqual({ holder: "driver", expiresAt: at(65_000) });
      expect(await writer.takeLease("no-such-board", "driver", at(60_000), now)).toBeNull();
    });

    it("deleting a board deletes its updates and snapshot (cascade)", async () => {
      const boardId = await newBoard();
      const id = await store.append(boardId, new Uint8Array([1]), { authorId: null });
      await store.compact(boardId, new Uint8Array([1]), id);
      await store.append(boardId, new Uint8Array([2]), { authorId: null });
      await db.prisma.board.delete({ where: { id: boardId }, select: { id: true } });
      expect(await db.prisma.boardUpdate.count({ where: { boardId } })).toBe(0);
      expect(await db.prisma.boardSnapshot.count({ where: { boardId } })).toBe(0);
    });

    it("boards: create, get, rename, archive, unarchive, list", async () => {
      const board = await createBoard(db.prisma, { title: "Alliance matrix" });
      expect(board.id).toMatch(/^[A-Za-z0-9_-]{22}$/);
      expect(board.title).toBe("Alliance matrix");
      expect(await getBoard(db.prisma, board.id)).toMatchObject({
        id: board.id,
        title: "Alliance matrix",
        archivedAt: null,
      });
      expect(await getBoard(db.prisma, "missing")).toBeNull();

      expect(await renameBoard(db.prisma, board.id, "Renamed")).toMatchObject({ title: "Renamed" });
      expect(await renameBoard(db.prisma, "missing", "x")).toBeNull();

      const archived = await archiveBoard(db.prisma, board.id);
      expect(archived?.archivedAt).toBeInstanceOf(Date);
      expect((await listBoards(db.prisma)).map((b) => b.id)).not.toContain(board.id);
      expect((await listBoards(db.prisma, { includeArchived: true })).map((b) => b.id)).toContain(board.id);

      expect(await unarchiveBoard(db.prisma, board.id)).toMatchObject({ archivedAt: null });
      expect((await listBoards(db.prisma, { includeArchived: false })).map((b) => b.id)).toContain(board.id);
      expect(await archiveBoard(db.prisma, "missing")).toBeNull();
    });

    it("seeding instruments is idempotent and gives the 33-instrument library", async () => {
      expect(await seedInstruments(db.prisma)).toBe(LIBRARY_SIZE);
      expect(await seedInstruments(db.prisma)).toBe(LIBRARY_SIZE);
      expect(await db.prisma.instrument.count({ where: { boardId: null } })).toBe(LIBRARY_SIZE);
      const article5 = await db.prisma.instrument.findUnique({
        where: { id: "nato-article-5" },
        select: { owner: true, kind: true, year: true, boardId: true },
      });
      expect(article5).toEqual({ owner: "NATO", kind: "treaty-article", year: 1949, boardId: null });
      // A row that drifted from the catalogue is written back; the rest are left alone.
      await db.prisma.instrument.update({
        where: { id: "nato-article-5" },
        data: { year: 1950 },
        select: { id: true },
      });
      expect(await seedInstruments(db.prisma)).toBe(LIBRARY_SIZE);
      const restored = await db.prisma.instrument.findUnique({
        where: { id: "nato-article-5" },
        select: { year: true },
      });
      expect(restored?.year).toBe(1949);
    });

    it("a custom instrument is listed only on its own board", async () => {
      await seedInstruments(db.prisma);
      const mine = await newBoard("mine");
      const other = await newBoard("other");
      const custom = await createCustomInstrument(db.prisma, mine, {
        name: "National cable repair fund",
        owner: "National",
        kind: "policy",
        reference: "Draft",
      });
      expect(custom).toMatchObject({ boardId: mine, year: null, summary: "" });
      expect(custom.id).toMatch(/^custom-/);

      const mineList = await listInstruments(db.prisma, mine);
      expect(mineList).toHaveLength(LIBRARY_SIZE + 1);
      expect(mineList.map((i) => i.id)).toContain(custom.id);
      const otherList = await listInstruments(db.prisma, other);
      expect(otherList).toHaveLength(LIBRARY_SIZE);
      expect(otherList.map((i) => i.id)).not.toContain(custom.id);

      await expect(
        createCustomInstrument(db.prisma, "missing", { name: "x", owner: "EU", kind: "policy", reference: "x" }),
      ).rejects.toBeInstanceOf(BoardNotFoundError);
    });
  });
}
