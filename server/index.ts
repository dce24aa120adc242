/**
 * Entry point: validate the environment, then start Remit. Thin on purpose;
 * the wiring lives in remit-server.ts.
 */
import { ConfigError, loadConfig } from "./config";
import { startRemitServer } from "./remit-server";
import { deferredRemixBuild, loadRemixBuild } from "./remix-build";

async function main(): Promise<void> {
  const config = loadConfig();
  const development = config.NODE_ENV === "development";
  const deferred = development ? null : deferredRemixBuild();
  const build = deferred?.build ?? (await loadRemixBuild(true));
  const server = await startRemitServer({ config, build });
  console.log(`[remit] listening on ${server.url} (database: ${config.DATABASE_URL.split(":")[0]})`);
  if (deferred) {
    const started = performance.now();
    deferred.load().then(
      () =>
        console.log(
          `[remit] pages ready: Remix build loaded in ${(performance.now() - started).toFixed(0)} ms (NODE_ENV=${process.env.NODE_ENV})`,
        ),
      (error: unknown) => {
        console.error("[remit] the Remix build failed to load:", error);
        process.exit(1);
      },
    );
  }

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
