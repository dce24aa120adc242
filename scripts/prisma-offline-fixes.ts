/**
 * Driver adapters for the Prisma 6.19.3 CLI (prisma/*.config.ts), with workarounds for bugs that only
 * show when the bundled WASM schema engine migrates through adapters (we cannot download the native
 * engine here). See /work/shared/ENGINEERING.md §2. Runtime queries do not use this module.
 *
 * 1. SQLite shadow DB: migrate dev replays each migration through a prepared statement, which rejects
 *    multi-statement SQL (P3006 "External error") -> run such SQL with exec() as a script.
 * 2. SQLite migrate dev on a brand-new empty file fails with P1014 -> scripts/migrate-dev.ts runs
 *    `migrate deploy` first (nothing to do here).
 * 3. adapter-pg cannot deserialize columns of type `name` (OID 19) and `"char"` (OID 18) that the
 *    engine's introspection queries return -> report them as text (they arrive as strings already).
 * 4. adapter-pg's shadow DB: with a connectionString the shadow pool ignores `database` and hits the
 *    main DB, and the shadow DB is dropped while its pool still holds connections -> own shadow logic
 *    with discrete host/user/password/database, closing the pool before DROP DATABASE.
 * 5. The WASM engine arms long setTimeouts it never clears (10 s on PostgreSQL, 60 s in SQLite
 *    `migrate dev`), and the CLI leaves the pg pool open, so commands linger after they have finished
 *    -> unref long timers in the CLI process and let idle pg pool clients not hold the process.
 * 6. adapter-pg's executeScript splits migration SQL on every ";", which breaks any statement with a
 *    semicolon inside (a PL/pgSQL trigger function body) -> send the script as one simple query, which
 *    PostgreSQL runs statement by statement itself.
 */
import { randomUUID } from "node:crypto";
import pg from "pg";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import type {
  SqlDriverAdapter,
  SqlMigrationAwareDriverAdapterFactory,
  SqlQuery,
  SqlResultSet,
} from "@prisma/driver-adapter-utils";

// ---- Both providers (fix 5) ----

let timersPatched = false;

/** Fix 5. Unref'd timers still fire while a query is pending (its socket keeps the process alive). */
function unrefLongEngineTimers(): void {
  if (timersPatched) return;
  timersPatched = true;
  const original = globalThis.setTimeout;
  const patched = (handler: (...args: unknown[]) => void, ms?: number, ...args: unknown[]) => {
    const timer = original(handler, ms, ...args);
    if ((ms ?? 0) >= 10_000) timer.unref();
    return timer;
  };
  globalThis.setTimeout = Object.assign(patched, original) as typeof setTimeout;
}

// ---- SQLite (fix 1) ----

const MULTI_STATEMENT = /more than one statement/i;

function runMultiStatementAsScript(adapter: SqlDriverAdapter): SqlDriverAdapter {
  const queryRaw = adapter.queryRaw.bind(adapter);
  const executeRaw = adapter.executeRaw.bind(adapter);
  const asScript = async <T>(query: SqlQuery, run: (q: SqlQuery) => Promise<T>, empty: T): Promise<T> => {
    try {
      return await run(query);
    } catch (error) {
      if (query.args.length > 0 || !MULTI_STATEMENT.test(String((error as Error)?.message))) throw error;
      await adapter.executeScript(query.sql);
      return empty;
    }
  };
  const emptyResult: SqlResultSet = { columnNames: [], columnTypes: [], rows: [] };
  adapter.queryRaw = (query) => asScript(query, queryRaw, emptyResult);
  adapter.executeRaw = (query) => asScript(query, executeRaw, 0);
  return adapter;
}

export function sqliteMigrationAdapter(url: string): SqlMigrationAwareDriverAdapterFactory {
  unrefLongEngineTimers();
  const factory = new PrismaBetterSQLite3({ url });
  const connectToShadowDb = factory.connectToShadowDb.bind(factory);
  factory.connectToShadowDb = async () => runMultiStatementAsScript(await connectToShadowDb());
  return factory;
}

// ---- PostgreSQL (fixes 3 and 4) ----

const PG_NAME_OID = 19;
const PG_CHAR_OID = 18;
const PG_TEXT_OID = 25;

type FieldsHolder = { fields?: { dataTypeID: number }[] };

function nameAndCharAsText<T>(result: T): T {
  for (const part of Array.isArray(result) ? result : [result]) {
    for (const field of (part as FieldsHolder | undefined)?.fields ?? []) {
      if (field.dataTypeID === PG_NAME_OID || field.dataTypeID === PG_CHAR_OID) field.dataTypeID = PG_TEXT_OID;
    }
  }
  return result;
}

/** pg.Client whose results report name/"char" columns as text (fix 3); covers pool and transaction queries. */
class TextNameClient extends pg.Client {
  // pg's query() has many overloads (callback, promise, submittable); wrap whichever form is used.
  query(...args: unknown[]): never {
    const callbackAt = args.findIndex((arg) => typeof arg === "function");
    if (callbackAt >= 0) {
      const callback = args[callbackAt] as (err: unknown, res: unknown) => void;
      args[callbackAt] = (err: unknown, res: unknown) => callback(err, err ? res : nameAndCharAsText(res));
    }
    const out = (super.query as (...a: unknown[]) => unknown)(...args);
    if (callbackAt < 0 && out instanceof Promise) return out.then(nameAndCharAsText) as never;
    return out as never;
  }
}

/** Discrete connection settings: a connectionString would override `database` (fix 4). */
export function pgConfigFromUrl(url: string): pg.PoolConfig {
  const parsed = new URL(url);
  const sslmode = parsed.searchParams.get("sslmode");
  return {
    host: decodeURIComponent(parsed.hostname) || "127.0.0.1",
    port: parsed.port ? Number(parsed.port) : 5432,
    user: decodeURIComponent(parsed.username) || undefined,
    password: parsed.password ? decodeURIComponent(parsed.password) : undefined,
    database: decodeURIComponent(parsed.pathname.slice(1)) || undefined,
    ssl: sslmode && sslmode !== "disable" ? { rejectUnauthorized: sslmode === "verify-full" } : undefined,
  };
}

/** Fix 6. */
function runScriptWhole<T extends SqlDriverAdapter>(adapter: T): T {
  const inner = adapter as unknown as { client: pg.Pool; onError(error: unknown): never };
  adapter.executeScript = async (script: string) => {
    try {
      await inner.client.query(script);
    } catch (error) {
      inner.onError(error);
    }
  };
  return adapter;
}

export function postgresMigrationAdapter(url: string): SqlMigrationAwareDriverAdapterFactory {
  unrefLongEngineTimers();
  // allowExitOnIdle (fix 5 too): the CLI does not end the main pool, whose idle client would hold it 10 s.
  const config: pg.PoolConfig = { ...pgConfigFromUrl(url), Client: TextNameClient, allowExitOnIdle: true };
  const schema = new URL(url).searchParams.get("schema") ?? undefined;
  const factory = new PrismaPg(config, { schema });
  const connect = factory.connect.bind(factory);
  factory.connect = async () => runScriptWhole(await connect());
  factory.connectToShadowDb = async () => {
    const admin = new pg.Client(config);
    await admin.connect();
    const database = `prisma_migrate_shadow_db_${randomUUID()}`;
    await admin.query(`CREATE DATABASE "${database}"`);
    const shadow = runScriptWhole(await new PrismaPg({ ...config, database }, { schema }).connect());
    const disposeShadow = shadow.dispose.bind(shadow);
    shadow.dispose = async () => {
      try {
        await disposeShadow(); // close the shadow pool first, or DROP DATABASE fails: "being accessed by other users"
        await admin.query(`DROP DATABASE IF EXISTS "${database}"`);
      } finally {
        await admin.end();
      }
    };
    return shadow;
  };
  return factory;
}
