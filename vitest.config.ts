import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: [
      "app/**/*.test.{ts,tsx}",
      "core/**/*.test.ts",
      "tests/unit/**/*.test.ts",
      "server/**/*.test.ts",
      "tests/integration/**/*.test.ts",
    ],
    // Forks, not threads: native modules (better-sqlite3) and child processes (prisma CLI) per worker.
    pool: "forks",
    // Safety nets against hangs only: a busy 2-core machine must never fail a test by being slow.
    testTimeout: 180_000,
    hookTimeout: 180_000,
  },
});
