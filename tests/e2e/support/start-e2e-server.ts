/**
 * The server Playwright starts: the real app on a fresh SQLite file, built
 * Remix bundle, demo data off (tests create their own boards).
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadConfig } from "../../../server/config";
import { loadRemixBuild } from "../../../server/remix-build";
import { startRemitServer } from "../../../server/remit-server";

const dir = mkdtempSync(join(tmpdir(), "remit-e2e-"));
const config = loadConfig({
  ...process.env,
  NODE_ENV: "production",
  HOST: "127.0.0.1",
  DATABASE_URL: `file:${join(dir, "remit.db")}`,
  DEMO: "false",
  // Every spec signs up its delegates from 127.0.0.1 against this one server; the per-client sign-up
  // throttle (HARDEN cases cover it) would otherwise lock out the specs that run last.
  SIGNUPS_PER_HOUR: "10000",
});
const server = await startRemitServer({ config, build: await loadRemixBuild(false), unloadDelayMs: 0 });
console.log(`e2e server on ${server.url}`);
const stop = () => void server.stop().then(() => process.exit(0));
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
