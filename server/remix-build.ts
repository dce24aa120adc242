/**
 * Loads the Remix server build. In development (remix dev --manual) the build
 * is re-imported after each rebuild and Remix is told the server is ready.
 */
import { existsSync, watch } from "node:fs";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import type { ServerBuild } from "@remix-run/node";

const BUILD_FILE = resolve("build/index.js");

async function importBuild(): Promise<ServerBuild> {
  if (!existsSync(BUILD_FILE)) throw new Error(`No Remix build at ${BUILD_FILE}: run "npm run build" first.`);
  // The query string busts Node's module cache so a rebuilt file is really reloaded.
  return (await import(`${pathToFileURL(BUILD_FILE).href}?t=${Date.now()}`)) as ServerBuild;
}

export async function loadRemixBuild(development: boolean): Promise<ServerBuild | (() => Promise<ServerBuild>)> {
  // React picks its development or production build from process.env.NODE_ENV when the Remix build first imports
  // it, and an unset variable means development. The config defaults NODE_ENV to production without setting the
  // variable, so `npm start` rendered every page with React's development build (PERF-51).
  if (!development) process.env.NODE_ENV ??= "production";
  const initial = await importBuild();
  if (!development) return initial;
  const { broadcastDevReady } = await import("@remix-run/node");
  let current = initial;
  await broadcastDevReady(initial);
  watch(resolve("build"), { persistent: false }, () => {
    void importBuild().then(
      async (build) => {
        current = build;
        await broadcastDevReady(build);
      },
      () => undefined,
    );
  });
  return async () => current;
}
