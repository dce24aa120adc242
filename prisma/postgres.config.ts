// Prisma CLI config for the PostgreSQL variant (migrate deploy/dev, generate).
// engine "js" + a driver adapter = the bundled WASM schema engine: nothing to download.
import { defineConfig } from "prisma/config";
import { resolveDatabaseUrl } from "../server/db/database-url";
import { postgresMigrationAdapter } from "../scripts/prisma-offline-fixes";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: "postgres/schema.prisma",
  migrations: { path: "postgres/migrations" },
  async adapter() {
    const target = resolveDatabaseUrl(process.env.DATABASE_URL);
    if (target.kind !== "postgres") throw new Error("prisma/postgres.config.ts needs a postgres:// DATABASE_URL");
    return postgresMigrationAdapter(target.url);
  },
});
