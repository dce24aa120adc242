// Prisma CLI config for the SQLite variant (migrate deploy/dev, generate).
// engine "js" + a driver adapter = the bundled WASM schema engine: nothing to download.
import { defineConfig } from "prisma/config";
import { resolveDatabaseUrl } from "../server/db/database-url";
import { sqliteMigrationAdapter } from "../scripts/prisma-offline-fixes";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: "sqlite/schema.prisma",
  migrations: { path: "sqlite/migrations" },
  async adapter() {
    const target = resolveDatabaseUrl(process.env.DATABASE_URL);
    if (target.kind !== "sqlite") throw new Error("prisma/sqlite.config.ts needs a file: DATABASE_URL");
    return sqliteMigrationAdapter(target.url);
  },
});
