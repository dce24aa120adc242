/**
 * One Remit instance in its own process (no Remix build: collaboration and /healthz, /readyz), for tests
 * that kill an instance. Env as for server/index.ts; prints `READY <url>` once listening.
 */
import { loadConfig } from "../../server/config";
import { startRemitServer } from "../../server/remit-server";

const server = await startRemitServer({ config: loadConfig(), unloadDelayMs: 0, log: () => undefined });
console.log(`READY ${server.url}`);
process.on("SIGTERM", () => void server.drain().then(() => process.exit(0)));
