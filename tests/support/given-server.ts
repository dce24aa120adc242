/**
 * The integration files' set-up in one call: a fresh database, the real server on it (with the Remix build for
 * givenAppServer), both gone after the file — or after each test with `per: "test"`:
 *
 *   const remit = givenAppServer({ env: { LOGIN_ATTEMPTS_PER_WINDOW: "3" } });
 *   beforeAll(async () => { chair = await createAccount(remit.server, "Chair", "FR"); });
 *   it("…", async () => { expect((await remit.postAs(chair, "/locale", { locale: "fr" })).status).toBe(302); });
 *
 * withTestServer / withAppServer start one more server for a single test and stop it whatever happens.
 */
import { afterAll, afterEach, beforeAll, beforeEach } from "vitest";
import { loadRemixBuild } from "../../server/remix-build";
import type { RemitServer, RemitServerOptions } from "../../server/remit-server";
import type { TestAccount } from "./accounts";
import { browserAs, type BrowserOptions } from "./app-server";
import { createPostgresTestDatabase, createTestDatabase, startTestServer, type TestDatabase } from "./test-server";

export interface TestServerSetup {
  /** Environment variables over the test defaults (port 0, DEMO=false…). */
  env?: Record<string, string>;
  /** Server options (a clock, a bus…); a function when each start needs fresh ones. */
  options?: Partial<RemitServerOptions> | (() => Partial<RemitServerOptions>);
  /** Serve the Remix app too (run `npx remix build` first). */
  app?: boolean;
  /** Default SQLite (a file copied from the run's migrated template). */
  database?: "sqlite" | "postgres";
  /** "test": a fresh database and server for every test; default one for the file. */
  per?: "file" | "test";
}

export interface GivenTestServer {
  readonly server: RemitServer;
  readonly database: TestDatabase;
  /**
   * Stops the server and starts a new one on the same database, with `env` over the setup's; `whileDown` runs
   * between the two (what clients do during an outage).
   */
  restart(env?: Record<string, string>, whileDown?: () => Promise<void>): Promise<RemitServer>;
  /** A browser of this site signed in as `account` (null: nobody): session and CSRF cookies, Origin. */
  browser(account: TestAccount | null, options?: BrowserOptions): ReturnType<typeof browserAs>;
  getAs(account: TestAccount | null, path: string): Promise<Response>;
  /** A urlencoded form post with the CSRF field added. */
  postAs(account: TestAccount | null, path: string, fields: Record<string, string>): Promise<Response>;
}

type AnyTestDatabase = TestDatabase & { disposeAsync?(): Promise<void> };

async function disposeDatabase(database: AnyTestDatabase): Promise<void> {
  database.dispose();
  await database.disposeAsync?.();
}

async function startOn(database: TestDatabase, setup: TestServerSetup, env: Record<string, string> = {}) {
  const options = typeof setup.options === "function" ? setup.options() : (setup.options ?? {});
  const appEnv: Record<string, string> = setup.app ? { NODE_ENV: "production" } : {};
  return startTestServer(
    database,
    { ...appEnv, ...setup.env, ...env },
    setup.app ? { build: await loadRemixBuild(false), ...options } : options,
  );
}

async function startWithDatabase(setup: TestServerSetup) {
  const database: AnyTestDatabase =
    setup.database === "postgres" ? await createPostgresTestDatabase() : createTestDatabase();
  try {
    return { database, server: await startOn(database, setup) };
  } catch (error) {
    await disposeDatabase(database);
    throw error;
  }
}

export function givenTestServer(setup: TestServerSetup = {}): GivenTestServer {
  let current: { database: AnyTestDatabase; server: RemitServer } | null = null;
  const started = () => {
    if (!current) throw new Error("the test server runs only inside tests and hooks");
    return current;
  };
  const [before, after] = setup.per === "test" ? [beforeEach, afterEach] : [beforeAll, afterAll];
  before(async () => {
    current = await startWithDatabase(setup);
  });
  after(async () => {
    const stopping = current;
    current = null;
    if (!stopping) return;
    await stopping.server.stop();
    await disposeDatabase(stopping.database);
  });
  const browser = (account: TestAccount | null, options?: BrowserOptions) =>
    browserAs(started().server, account, options);
  return {
    get server() {
      return started().server;
    },
    get database() {
      return started().database;
    },
    async restart(env = {}, whileDown) {
      const running = started();
      await running.server.stop();
      await whileDown?.();
      running.server = await startOn(running.database, setup, env);
      return running.server;
    },
    browser,
    getAs: (account, path) => browser(account).get(path),
    postAs: (account, path, fields) => browser(account).postForm(path, fields),
  };
}

export const givenAppServer = (setup: Omit<TestServerSetup, "app"> = {}) => givenTestServer({ ...setup, app: true });

/** One more server for one test: started, handed to `run`, stopped with its database whatever `run` does. */
export async function withTestServer<T>(
  setup: Omit<TestServerSetup, "per">,
  run: (server: RemitServer, database: TestDatabase) => Promise<T>,
): Promise<T> {
  const { database, server } = await startWithDatabase(setup);
  try {
    return await run(server, database);
  } finally {
    await server.stop();
    await disposeDatabase(database);
  }
}

export const withAppServer = <T>(
  setup: Omit<TestServerSetup, "per" | "app">,
  run: (server: RemitServer, database: TestDatabase) => Promise<T>,
) => withTestServer({ ...setup, app: true }, run);
