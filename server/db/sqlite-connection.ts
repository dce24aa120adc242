import type Database from "better-sqlite3";

/** How often to look again while a Prisma transaction holds the shared connection (they are short). */
const BUSY_POLL_MS = 1;

/**
 * Resolves once no transaction is open on Prisma's connection. Our driver-level writes share that connection
 * (decision 030); an interactive Prisma transaction open across an await would otherwise take our statements in.
 */
export async function outsideTransaction(db: Database.Database): Promise<void> {
  while (db.inTransaction) await new Promise((resolve) => setTimeout(resolve, BUSY_POLL_MS));
}

/**
 * Runs `write` (synchronous, outside a transaction) with `synchronous = NORMAL`, then puts the connection back to
 * FULL: the commit writes its WAL frames without an fsync on the event loop, and the caller makes them durable
 * (or decides they need not be). Each switch is a pragma compiled anew: SQLite applies `PRAGMA synchronous = …`
 * when the statement is compiled, so running a prepared one again changes nothing (COLLAB-51).
 */
export function withDeferredSync<T>(db: Database.Database, write: () => T): T {
  db.pragma("synchronous = NORMAL");
  try {
    return write();
  } finally {
    db.pragma("synchronous = FULL");
  }
}

/** A DateTime as Prisma's SQLite adapter writes it (ISO 8601, "+00:00"): Prisma compares them as text. */
export function prismaDateTime(date: Date): string {
  return date.toISOString().replace("Z", "+00:00");
}
