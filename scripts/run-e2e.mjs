// Runs the Playwright suite after checking a Chromium is available, with a
// message that says how to get one instead of Playwright's download hint.
import { existsSync, readdirSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";
import { spawnSync } from "node:child_process";

const fromEnv = process.env.PLAYWRIGHT_CHROMIUM_PATH;
const system = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find((path) => existsSync(path));
const cache = join(homedir(), ".cache", "ms-playwright");
const bundled = existsSync(cache) && readdirSync(cache).some((name) => name.startsWith("chromium"));
if (!fromEnv && !system && !bundled) {
  console.error(
    "No Chromium found for the e2e tests.\n" +
      "  Debian/Ubuntu: sudo apt-get install -y chromium\n" +
      "  or set PLAYWRIGHT_CHROMIUM_PATH=/path/to/chromium\n" +
      "  or (with internet) npx playwright install chromium",
  );
  process.exit(1);
}
// npm test has just built the app; run on its own, this script builds first.
if (!process.env.REMIT_E2E_SKIP_BUILD) {
  const build = spawnSync("npm", ["run", "build"], { stdio: "inherit" });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
const result = spawnSync("npx", ["playwright", "test", ...process.argv.slice(2)], { stdio: "inherit" });
process.exit(result.status ?? 1);
