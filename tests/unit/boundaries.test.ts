import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

/** The architecture's import rules are enforced by `npm run lint`: a deliberate violation must fail it. */
const eslint = new ESLint();
async function restrictedImports(filePath: string, code: string, ruleId = "no-restricted-imports") {
  const [result] = await eslint.lintText(code, { filePath });
  return result.messages.filter((message) => message.ruleId === ruleId).length;
}

describe("architecture boundaries (lint)", () => {
  it("core/ imports only yjs, zod and itself", async () => {
    expect(await restrictedImports("core/x.ts", 'import "./board-doc";\nimport "yjs";\nimport "zod";\n')).toBe(0);
    expect(await restrictedImports("core/x.ts", 'import "../app/lib/mentions";\n')).toBe(1);
    expect(await restrictedImports("core/x.ts", 'import "../server/config";\n')).toBe(1);
    expect(await restrictedImports("core/x.ts", 'import "react";\n')).toBe(1);
  });

  it("app/ never imports server/", async () => {
    expect(await restrictedImports("app/lib/x.ts", 'import "../../server/export/index";\n')).toBe(1);
    expect(
      await restrictedImports("app/lib/x.ts", 'import "../../core/board-doc";\nimport "~/lib/session.server";\n'),
    ).toBe(0);
  });

  it("server/ never imports app/ (routes, components or anything else)", async () => {
    expect(await restrictedImports("server/x.ts", 'import "../app/routes/login";\n')).toBe(1);
    expect(await restrictedImports("server/export/x.ts", 'import "~/components/message";\n')).toBe(1);
    expect(await restrictedImports("server/x.ts", 'import "../core/board-doc";\n')).toBe(0);
  });

  it("room logic imports neither ws nor the database", async () => {
    expect(await restrictedImports("server/collab/room.ts", 'import "ws";\n')).toBe(1);
    expect(await restrictedImports("server/collab/room.ts", 'import "../db/prisma-client";\n')).toBe(1);
    expect(await restrictedImports("server/collab/ws-endpoint.ts", 'import "ws";\n')).toBe(0);
  });

  it("activity rows are written only by server/db/activity-log.ts", async () => {
    const write = "declare const db: any;\nvoid db.activityEntry.create({ data: {} });\n";
    expect(await restrictedImports("server/consensus/x.ts", write, "no-restricted-syntax")).toBe(1);
    expect(await restrictedImports("server/db/activity-log.ts", write, "no-restricted-syntax")).toBe(0);
    const read = "declare const db: any;\nvoid db.activityEntry.findMany({});\n";
    expect(await restrictedImports("server/consensus/x.ts", read, "no-restricted-syntax")).toBe(0);
    // On the driver, only the feed's writers name the table (PERF-77).
    const driver = 'declare const tableName: any;\nvoid tableName("ActivityEntry");\n';
    expect(await restrictedImports("server/db/x.ts", driver, "no-restricted-syntax")).toBe(1);
    expect(await restrictedImports("server/db/sqlite-activity-writer.ts", driver, "no-restricted-syntax")).toBe(0);
    expect(await restrictedImports("server/db/postgres-activity-writer.ts", driver, "no-restricted-syntax")).toBe(0);
  });
});
