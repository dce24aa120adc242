/**
 * Entry point: validate the environment, then start Remit. Thin on purpose;
 * the wiring lives in remit-server.ts.
 */
import { ConfigError, loadConfig } from "./config";
import { startRemitServer } from "./remit-server";
import { loadRemixBuild } from "./remix-build";

async function main(): Promise<void> {
  const config = loadConfig();
  const build = await loadRemixBuild(config.NODE_ENV === "development");
  const server = await startRemitServer({ config, build });
  console.log(`[remit] listening on ${server.url} (database: ${config.DATABASE_URL.split(":")[0]})`);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`[remit] ${signal}: draining (readyz fails, boards saved, sockets closed with 1012) and stopping`);
    await server.drain();
    process.exit(0);
  };
  process.on("SIGINT", () => void stop("SIGINT"));
  process.on("SIGTERM", () => void stop("SIGTERM"));
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
