import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { classifyDatabaseUrl, DEFAULT_DATABASE_URL, PROJECT_ROOT, resolveDatabaseUrl } from "./database-url";

describe("database-url", () => {
  it("classifies file: as sqlite and postgres(ql):// as postgres", () => {
    expect(classifyDatabaseUrl("file:./data/remit.db")).toBe("sqlite");
    expect(classifyDatabaseUrl("postgres://u@h/db")).toBe("postgres");
    expect(classifyDatabaseUrl("postgresql://u:p@h:5432/db?schema=x")).toBe("postgres");
  });

  it("rejects other schemes", () => {
    expect(() => classifyDatabaseUrl("mysql://h/db")).toThrow(/DATABASE_URL/);
    expect(() => resolveDatabaseUrl("remit.db")).toThrow(/DATABASE_URL/);
  });

  it("defaults to the SQLite file under data/ of the project root", () => {
    const expected = {
      kind: "sqlite",
      url: `file:${PROJECT_ROOT}/data/remit.db`,
      filePath: `${PROJECT_ROOT}/data/remit.db`,
    };
    expect(DEFAULT_DATABASE_URL).toBe("file:./data/remit.db");
    expect(resolveDatabaseUrl(undefined)).toEqual(expected);
    expect(resolveDatabaseUrl("  ")).toEqual(expected);
  });

  it("resolves relative SQLite paths against the root, keeps absolute ones", () => {
    expect(resolveDatabaseUrl("file:db/x.db", "/srv/app").filePath).toBe("/srv/app/db/x.db");
    expect(resolveDatabaseUrl("file:/tmp/x.db", "/srv/app")).toEqual({
      kind: "sqlite",
      url: "file:/tmp/x.db",
      filePath: "/tmp/x.db",
    });
    expect(resolveDatabaseUrl("file:///tmp/x.db?mode=rwc").filePath).toBe("/tmp/x.db");
  });

  it("passes PostgreSQL URLs through unchanged", () => {
    const url = "postgresql://root@127.0.0.1:5432/test";
    expect(resolveDatabaseUrl(url)).toEqual({ kind: "postgres", url });
  });

  it("finds the project root (the folder with package.json)", () => {
    const manifest = JSON.parse(readFileSync(join(PROJECT_ROOT, "package.json"), "utf8")) as { name: string };
    expect(manifest.name).toBe("remit");
  });
});
