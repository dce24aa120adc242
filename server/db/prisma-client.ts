import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient as SqlitePrismaClient } from "../../generated/sqlite";
import { PrismaClient as PostgresPrismaClient } from "../../generated/postgres";
import { resolveDatabaseUrl } from "./database-url";

/**
 * Both clients are generated from prisma/schema.base.prisma, so they have the same models and
 * query API; only the provider differs. The app codes against the SQLite client's type.
 */
export type PrismaClient = SqlitePrismaClient;
export type { Prisma } from "../../generated/sqlite";

const SQLITE_BUSY_TIMEOUT_MS = 5000;

/**
 * WAL lets readers run while a writer appends; busy_timeout makes a second connection (another
 * process, migrate deploy) wait for the lock instead of failing at once with SQLITE_BUSY.
 */
function sqliteAdapter(url: string): PrismaBetterSQLite3 {
  const factory = new PrismaBetterSQLite3({ url, timeout: SQLITE_BUSY_TIMEOUT_MS });
  const connect = factory.connect.bind(factory);
  factory.connect = async () => {
    const adapter = await connect();
    await adapter.executeScript(
      `PRAGMA journal_mode = WAL; PRAGMA busy_timeout = ${SQLITE_BUSY_TIMEOUT_MS}; PRAGMA foreign_keys = ON;`,
    );
    return adapter;
  };
  return factory;
}

export function createPrismaClient(databaseUrl: string): PrismaClient {
  const target = resolveDatabaseUrl(databaseUrl);
  if (target.kind === "sqlite") {
    return new SqlitePrismaClient({ adapter: sqliteAdapter(target.url) });
  }
  const schema = new URL(target.url).searchParams.get("schema") ?? undefined;
  const adapter = new PrismaPg({ connectionString: target.url }, { schema });
  // Same models, different provider: see the PrismaClient type above.
  return new PostgresPrismaClient({ adapter }) as unknown as PrismaClient;
}
