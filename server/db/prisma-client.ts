import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import type Database from "better-sqlite3";
import pg from "pg";
import { PrismaClient as SqlitePrismaClient } from "../../generated/sqlite";
import { PrismaClient as PostgresPrismaClient } from "../../generated/postgres";
import { resolveDatabaseUrl } from "./database-url";
import { postgresUpdateLog } from "./postgres-update-log";
import { sqliteUpdateLog } from "./sqlite-update-log";
import type { UpdateLogWriter } from "./update-log-writer";

/**
 * Both clients are generated from prisma/schema.base.prisma, so they have the same models and
 * query API; only the provider differs. The app codes against the SQLite client's type.
 */
export type PrismaClient = SqlitePrismaClient;
export type { Prisma } from "../../generated/sqlite";

const SQLITE_BUSY_TIMEOUT_MS = 5000;

/** The update log's hot append path of each client, on the client's own connection (decision 030). */
const updateLogWriters = new WeakMap<PrismaClient, UpdateLogWriter>();

/**
 * WAL lets readers run while a writer appends; busy_timeout makes a second connection (another
 * process, migrate deploy) wait for the lock instead of failing at once with SQLITE_BUSY.
 */
function sqliteAdapter(url: string, connected: (db: Database.Database) => void): PrismaBetterSQLite3 {
  const factory = new PrismaBetterSQLite3({ url, timeout: SQLITE_BUSY_TIMEOUT_MS });
  const connect = factory.connect.bind(factory);
  factory.connect = async () => {
    const adapter = await connect();
    await adapter.executeScript(
      `PRAGMA journal_mode = WAL; PRAGMA busy_timeout = ${SQLITE_BUSY_TIMEOUT_MS}; PRAGMA foreign_keys = ON;`,
    );
    return adapter;
  };
  return withConnection(factory, connected);
}

/**
 * Hands each connection the adapter opens (on first query, and again after $disconnect) to `connected`:
 * the update log writes on Prisma's own connection. Both adapters keep it in `client` (6.19.3, pinned; the
 * storage contract runs the update log on both databases, so a change here fails there first).
 */
function withConnection<Factory extends { connect(): Promise<object> }, Connection>(
  factory: Factory,
  connected: (connection: Connection) => void,
): Factory {
  const connect = factory.connect.bind(factory);
  factory.connect = async () => {
    const adapter = await connect();
    connected((adapter as { client?: Connection }).client as Connection);
    return adapter;
  };
  return factory;
}

export function createPrismaClient(databaseUrl: string): PrismaClient {
  const target = resolveDatabaseUrl(databaseUrl);
  if (target.kind === "sqlite") {
    let db: Database.Database | null = null;
    const prisma = new SqlitePrismaClient({ adapter: sqliteAdapter(target.url, (connected) => (db = connected)) });
    updateLogWriters.set(
      prisma,
      // Prisma connects lazily (and again after $disconnect): ask it to, then take its current connection.
      sqliteUpdateLog(async () => {
        if (!db?.open) await prisma.$connect();
        if (!db?.open) throw new Error("SQLite connection is closed");
        return db;
      }),
    );
    return prisma;
  }
  const schema = new URL(target.url).searchParams.get("schema") ?? undefined;
  let pool: pg.Pool | null = null;
  const adapter = withConnection(new PrismaPg({ connectionString: target.url }, { schema }), (connected: pg.Pool) => {
    pool = connected;
  });
  // Same models, different provider: see the PrismaClient type above.
  const prisma = new PostgresPrismaClient({ adapter }) as unknown as PrismaClient;
  updateLogWriters.set(
    prisma,
    postgresUpdateLog(async () => {
      if (!pool || pool.ending) await prisma.$connect();
      if (!pool || pool.ending) throw new Error("PostgreSQL pool is closed");
      return pool;
    }, schema),
  );
  return prisma;
}

/** The update log writer of a client made by createPrismaClient. */
export function updateLogWriterOf(prisma: PrismaClient): UpdateLogWriter {
  const writer = updateLogWriters.get(prisma);
  if (!writer) throw new Error("this Prisma client was not made by createPrismaClient");
  return writer;
}
