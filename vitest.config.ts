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
    testTimeout: 20000,
  },
});
