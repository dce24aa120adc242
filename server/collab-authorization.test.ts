import { describe, expect, it } from "vitest";
import type { BoardServices } from "./services";
import { createBoardAccessServices } from "./access/board-access-service";
import { createAuthServices } from "./auth/auth-service";
import { warmUpAuthorization } from "./collab-authorization";
import type { PrismaClient } from "./db/prisma-client";

/** A database that has no rows and records which queries reached it. */
function emptyDatabase(queries: string[]): PrismaClient {
  const model = (name: string) => ({
    findUnique: async () => {
      queries.push(`${name}.findUnique`);
      return null;
    },
  });
  return { session: model("session"), boardMember: model("boardMember") } as unknown as PrismaClient;
}

describe("authorization warm-up", () => {
  it("PERF-61 the warm-up runs the upgrade's own session and membership queries, for ids that match nothing", async () => {
    const queries: string[] = [];
    const prisma = emptyDatabase(queries);
    const auth = createAuthServices({
      prisma,
      loginAttemptsPerWindow: 5,
      loginWindowMs: 60_000,
      onSessionsRevoked: () => undefined,
    });
    const access = createBoardAccessServices({
      prisma,
      boards: {} as BoardServices,
      onAccessChanged: () => undefined,
    });
    await warmUpAuthorization(auth, access);
    // The session query runs only for a token of a session token's shape: one that failed the shape check would
    // warm nothing.
    expect(queries).toEqual(["session.findUnique", "boardMember.findUnique"]);
  });
});
