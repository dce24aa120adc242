import type { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import type Database from "better-sqlite3";
import type pg from "pg";
import type { ActivityEntryWriter } from "./activity-entry-writer";
import type { PrismaClient as SqlitePrismaClient } from "../../generated/sqlite";
import { resolveDatabaseUrl } from "./database-url";
import { postgresActivityWriter } from "./postgres-activity-writer";
import { postgresSnapshotWriter } from "./postgres-snapshot-writer";
import { postgresUpdateLog } from "./postgres-update-log";
import type { SnapshotWriter } from "./snapshot-writer";
import { sqliteActivityWriter } from "./sqlite-activity-writer";
import { sqliteSnapshotWriter } from "./sqlite-snapshot-writer";
import { sqliteUpdateLog } from "./sqlite-update-log";
import type { UpdateLogWriter } from "./update-log-writer";

/**
 * Both clients are generated from prisma/schema.base.prisma, so they have the same models and
 * query API; only the provider differs. The app codes against the SQLite client's type.
 *
 * PERF-36: only the client, adapter and driver of the database in use are loaded (dynamic imports below):
 * each generated client with its query compiler, and pg, cost start-up time for nothing on the other provider.
 */
export type PrismaClient = SqlitePrismaClient;
export type { Prisma } from "../../generated/sqlite";

const SQLITE_BUSY_TIMEOUT_MS = 5000;

/**
 * The update log's hot append path, the snapshot writes and the activity feed's batches (PERF-77) of each client,
 * on its own connection (decision 030).
 */
const drivers = new WeakMap<
  PrismaClient,
  { updateLog: UpdateLogWriter; snapshots: SnapshotWriter; activity: ActivityEntryWriter }
>();

/**
 * Runs `connected` on each adapter the factory opens (on first query, and again after $disconnect), before
 * Prisma uses it: the one wrapper of `connect()` for both providers.
 */
function onConnect<Factory extends { connect(): Promise<unknown> }>(
  factory: Factory,
  connected: (adapter: Awaited<ReturnType<Factory["connect"]>>) => void | Promise<void>,
): Factory {
  const connect = factory.connect.bind(factory);
  factory.connect = async () => {
    const adapter = (await connect()) as Awaited<ReturnType<Factory["connect"]>>;
    await connected(adapter);
    return adapter;
  };
  return factory;
}

/**
 * WAL lets readers run while a writer appends; busy_timeout makes a second connection (another
 * process, migrate deploy) wait for the lock instead of failing at once with SQLITE_BUSY. The update log
 * writes on this same connection (decision 030). synchronous = FULL, said explicitly (COLLAB-46): better-sqlite3
 * is built with SQLITE_DEFAULT_WAL_SYNCHRONOUS=1, so a connection opening a database already in WAL mode ran
 * NORMAL (a commit survived a killed process, not a power cut) and one that switched it to WAL ran FULL.
 */
async function sqliteAdapter(url: string, connected: (db: Database.Database) => void): Promise<PrismaBetterSQLite3> {
  const [{ PrismaBetterSQLite3 }, { default: Database }] = await Promise.all([
    import("@prisma/adapter-better-sqlite3"),
    import("better-sqlite3"),
  ]);
  return onConnect(new PrismaBetterSQLite3({ url, timeout: SQLITE_BUSY_TIMEOUT_MS }), async (adapter) => {
    await adapter.executeScript(
      `PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA busy_timeout = ${SQLITE_BUSY_TIMEOUT_MS}; PRAGMA foreign_keys = ON;`,
    );
    connected(betterSqliteConnectionOf(adapter, Database));
  });
}

/**
 * The better-sqlite3 connection inside the adapter. adapter-better-sqlite3 6.19.3 (pinned) offers no accessor
 * (adapter-pg has `underlyingDriver()`), so this reads its `client` field, here only. The update log cannot
 * open a connection of its own instead: Prisma's deferred transactions would then fail with SQLITE_BUSY_SNAPSHOT
 * whenever an append commits between their read and their write (decision 030). An upgrade that renames the
 * field fails here at the first query, and in the storage contract.
 */
function betterSqliteConnectionOf(adapter: object, Database: typeof import("better-sqlite3")): Database.Database {
  const client: unknown = Reflect.get(adapter, "client");
  if (!(client instanceof Database)) throw new Error("the SQLite adapter no longer exposes its connection");
  return client;
}

export async function createPrismaClient(databaseUrl: string): Promise<PrismaClient> {
  const target = resolveDatabaseUrl(databaseUrl);
  if (target.kind === "sqlite") {
    let db: Database.Database | null = null;
    const { PrismaClient: SqlitePrismaClient } = await import("../../generated/sqlite");
    const adapter = await sqliteAdapter(target.url, (connected) => (db = connected));
    const prisma = new SqlitePrismaClient({ adapter });
    // Prisma connects lazily (and again after $disconnect): ask it to, then take its current connection.
    const connection = async () => {
      if (!db?.open) await prisma.$connect();
      if (!db?.open) throw new Error("SQLite connection is closed");
      return db;
    };
    drivers.set(prisma, {
      updateLog: sqliteUpdateLog(connection),
      snapshots: sqliteSnapshotWriter(connection),
      activity: sqliteActivityWriter(connection),
    });
    return prisma;
  }
  const schema = new URL(target.url).searchParams.get("schema") ?? undefined;
  const [{ PrismaPg }, { PrismaClient: PostgresPrismaClient }] = await Promise.all([
    import("@prisma/adapter-pg"),
    import("../../generated/postgres"),
  ]);
  let pool: pg.Pool | null = null;
  // The update log runs on the pool the adapter opens (decision 030), through the adapter's own accessor.
  const adapter = onConnect(new PrismaPg({ connectionString: target.url }, { schema }), (connected) => {
    pool = connected.underlyingDriver();
  });
  // Same models, different provider: see the PrismaClient type above.
  const prisma = new PostgresPrismaClient({ adapter }) as unknown as PrismaClient;
  const connection = async () => {
    if (!pool || pool.ending) await prisma.$connect();
    if (!pool || pool.ending) throw new Error("PostgreSQL pool is closed");
    return pool;
  };
  drivers.set(prisma, {
    updateLog: postgresUpdateLog(connection, schema),
    snapshots: postgresSnapshotWriter(connection, schema),
    activity: postgresActivityWriter(connection, schema),
  });
  return prisma;
}

function driversOf(prisma: PrismaClient) {
  const found = drivers.get(prisma);
  if (!found) throw new Error("this Prisma client was not made by createPrismaClient");
  return found;
}

/** The update log writer of a client made by createPrismaClient. */
export function updateLogWriterOf(prisma: PrismaClient): UpdateLogWriter {
  return driversOf(prisma).updateLog;
}

/** The snapshot writer of a client made by createPrismaClient (COLLAB-49). */
export function snapshotWriterOf(prisma: PrismaClient): SnapshotWriter {
  return driversOf(prisma).snapshots;
}

/** The activity feed's batch writer of a client made by createPrismaClient (PERF-77). */
export function activityWriterOf(prisma: PrismaClient): ActivityEntryWriter {
  return driversOf(prisma).activity;
}
