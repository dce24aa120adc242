import { existsSync } from "node:fs";
import { dirname, isAbsolute, join } from "node:path";
import { fileURLToPath } from "node:url";

export type DatabaseKind = "sqlite" | "postgres";

export interface DatabaseTarget {
  kind: DatabaseKind;
  /** For SQLite: `file:` + absolute path; for PostgreSQL: the URL unchanged. */
  url: string;
  /** Absolute path of the SQLite file; undefined for PostgreSQL. */
  filePath?: string;
}

/**
 * Nearest folder with a package.json above this module: the project root both from server/db (tsx,
 * vitest) and from a bundled build/, so relative SQLite paths do not depend on the cwd.
 */
function findProjectRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, "package.json"))) return dir;
    if (dirname(dir) === dir) return process.cwd();
  }
}

export const PROJECT_ROOT = findProjectRoot(dirname(fileURLToPath(import.meta.url)));

export const DEFAULT_DATABASE_URL = "file:./data/remit.db";

export function classifyDatabaseUrl(url: string): DatabaseKind {
  if (url.startsWith("file:")) return "sqlite";
  if (/^postgres(ql)?:\/\//.test(url)) return "postgres";
  throw new Error(`DATABASE_URL must start with file:, postgres:// or postgresql:// (got "${url.split(":")[0]}:...")`);
}

/** Classifies DATABASE_URL (default: SQLite under data/) and makes SQLite paths absolute. */
export function resolveDatabaseUrl(raw: string | undefined, root: string = PROJECT_ROOT): DatabaseTarget {
  const url = raw?.trim() || DEFAULT_DATABASE_URL;
  const kind = classifyDatabaseUrl(url);
  if (kind === "postgres") return { kind, url };
  // Query strings (file:x.db?mode=...) are not supported by the better-sqlite3 adapter: drop them.
  const path = url
    .slice("file:".length)
    .replace(/^\/\/(?=\/)/, "")
    .split("?")[0];
  if (!path) throw new Error("DATABASE_URL file: path is empty");
  const filePath = isAbsolute(path) ? path : join(root, path);
  return { kind, url: `file:${filePath}`, filePath };
}
