/**
 * Several Remit instances on one PostgreSQL database and one Redis, each test with its own database and
 * Redis key prefix (REDIS_KEY_PREFIX), in this process.
 */
import { randomBytes } from "node:crypto";
import type { RemitServer, RemitServerOptions } from "../../server/remit-server";
import { createPostgresTestDatabase, startTestServer } from "./test-server";

export const TEST_REDIS_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";

export interface TestCluster {
  instances: RemitServer[];
  database: Awaited<ReturnType<typeof createPostgresTestDatabase>>;
  env: Record<string, string>;
  stop(): Promise<void>;
}

export function uniqueRedisPrefix(): string {
  return `remit-test:${randomBytes(5).toString("hex")}:`;
}

export async function startCluster(
  count: number,
  env: Record<string, string> = {},
  options: Partial<RemitServerOptions> = {},
): Promise<TestCluster> {
  const database = await createPostgresTestDatabase();
  const clusterEnv = {
    REDIS_URL: TEST_REDIS_URL,
    REDIS_KEY_PREFIX: uniqueRedisPrefix(),
    CLUSTER_POLL_MS: "100",
    CLUSTER_SAFETY_POLL_MS: "1000",
    ...env,
  };
  const instances: RemitServer[] = [];
  // One after another: the first applies the migrations, the others find nothing to do.
  for (let i = 0; i < count; i++) instances.push(await startTestServer(database, clusterEnv, options));
  return {
    instances,
    database,
    env: clusterEnv,
    async stop() {
      await Promise.all(instances.map((instance) => instance.stop().catch(() => undefined)));
      await database.disposeAsync();
    },
  };
}
