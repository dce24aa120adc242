import { existsSync } from "node:fs";

/**
 * Which Chromium Playwright drives: PLAYWRIGHT_CHROMIUM_PATH, else the system
 * /usr/bin/chromium, else Playwright's own download (undefined).
 */
export function chromiumExecutable(): string | undefined {
  const fromEnv = process.env.PLAYWRIGHT_CHROMIUM_PATH;
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`PLAYWRIGHT_CHROMIUM_PATH=${fromEnv} does not exist`);
    return fromEnv;
  }
  return ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find((path) => existsSync(path));
}
