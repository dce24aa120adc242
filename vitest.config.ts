import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    // Forks, not threads: native modules (better-sqlite3) and child processes (prisma CLI) per worker.
    pool: "forks",
    // Two forks on a 2-core machine (the default is one fewer than the cores): the integration files spend much of
    // their time waiting on sockets and databases, and the whole run took 208 s instead of 328 s.
    maxWorkers: 2,
    // Safety nets against hangs only: a busy 2-core machine must never fail a test by being slow.
    testTimeout: 180_000,
    hookTimeout: 180_000,
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["app/**/*.test.{ts,tsx}", "tests/unit/**/*.test.ts"],
          // One process for all of them too (73 s instead of 148 s at load ~18): a test that needs another language
          // runs inside runWithLocale, never by replacing the locale source that other files rely on.
          isolate: false,
        },
      },
      {
        extends: true,
        test: {
          name: "core-server",
          include: ["core/**/*.test.ts", "server/**/*.test.ts"],
          // These files share no global state (no locale, storage or env they leave set; fake timers are put
          // back), so they run in one process that imports yjs, zod and core/ once, not once per file.
          isolate: false,
        },
      },
      {
        extends: true,
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          // Migrates one SQLite and one PostgreSQL template per run, only when integration files run; test
          // servers start on copies of them.
          globalSetup: ["tests/support/global-setup.ts"],
        },
      },
    ],
  },
});
