import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    // Forks, not threads: native modules (better-sqlite3) and child processes (prisma CLI) per worker.
    pool: "forks",
    // Safety nets against hangs only: a busy 2-core machine must never fail a test by being slow.
    testTimeout: 180_000,
    hookTimeout: 180_000,
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["app/**/*.test.{ts,tsx}", "core/**/*.test.ts", "tests/unit/**/*.test.ts", "server/**/*.test.ts"],
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
