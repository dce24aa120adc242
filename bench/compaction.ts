/**
 * How long compacting a big board holds the event loop (COLLAB-49): a 16 MB board is compacted on SQLite and on
 * PostgreSQL while a 1 ms probe watches the loop. The reference is the longest block of encoding that same
 * document (Y.encodeStateAsUpdate), which a compaction does on the loop anyway: the ratio is what writing it adds.
 */
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as Y from "yjs";
import { createBoard } from "../server/db/boards";
import { migrateDatabase } from "../server/db/migrate";
import { createPrismaClient } from "../server/db/prisma-client";
import { PrismaUpdateStore } from "../server/db/prisma-update-store";
import { createPostgresDatabase } from "../tests/support/postgres-database";

const RUNS = 3;
const SNAPSHOT_BYTES = 16 * 1024 * 1024;

export interface CompactionRow {
  database: string;
  /** Median over the runs of the longest event-loop block during one compaction. */
  longestBlockMs: number;
  /** The same for encoding the document (the reference). */
  encodeBlockMs: number;
  compactMs: number;
}

/** Runs `work` while a 1 ms timer measures the longest gap between its ticks. */
async function longestBlock(work: () => unknown): Promise<{ blockMs: number; wallMs: number }> {
  let longest = 0;
  let last = performance.now();
  const probe = setInterval(() => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
  }, 1);
  const started = performance.now();
  await work();
  const wallMs = performance.now() - started;
  // One more tick, so a block that ended the work is counted.
  await new Promise((resolve) => setTimeout(resolve, 5));
  clearInterval(probe);
  return { blockMs: longest, wallMs };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function measure(database: string, url: string, log: (line: string) => void): Promise<CompactionRow> {
  await migrateDatabase(url);
  const prisma = await createPrismaClient(url);
  try {
    const store = new PrismaUpdateStore(prisma);
    const blocks: number[] = [];
    const encodes: number[] = [];
    const walls: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      const doc = new Y.Doc();
      doc.getMap("cells").set("big", randomBytes((SNAPSHOT_BYTES * 3) / 4).toString("base64"));
      const boardId = (await createBoard(prisma, { title: "Compaction bench" })).id;
      const seq = await store.append(boardId, Y.encodeStateAsUpdate(doc), { authorId: null });
      let snapshot: Uint8Array = new Uint8Array();
      encodes.push((await longestBlock(() => (snapshot = Y.encodeStateAsUpdate(doc)))).blockMs);
      const compaction = await longestBlock(() => store.compact(boardId, snapshot, seq));
      blocks.push(compaction.blockMs);
      walls.push(compaction.wallMs);
    }
    const row = {
      database,
      longestBlockMs: median(blocks),
      encodeBlockMs: median(encodes),
      compactMs: median(walls),
    };
    log(`  ${database}: longest block ${row.longestBlockMs.toFixed(0)} ms, encode ${row.encodeBlockMs.toFixed(0)} ms`);
    return row;
  } finally {
    await prisma.$disconnect();
  }
}

export async function runCompactionBench(options: { log: (line: string) => void }): Promise<CompactionRow[]> {
  const rows: CompactionRow[] = [];
  const dir = mkdtempSync(join(tmpdir(), "remit-bench-compaction-"));
  try {
    rows.push(await measure("SQLite", `file:${join(dir, "remit.db")}`, options.log));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const postgres = await createPostgresDatabase("remit_bench").catch(() => null);
  if (postgres) {
    try {
      rows.push(await measure("PostgreSQL", postgres.url, options.log));
    } finally {
      await postgres.drop().catch(() => undefined);
    }
  } else options.log("  PostgreSQL: not reachable, not run");
  return rows;
}
