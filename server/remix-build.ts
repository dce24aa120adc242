/**
 * Loads the Remix server build. In development (remix dev --manual) the build
 * is re-imported after each rebuild and Remix is told the server is ready.
 * `npm start` imports it after the server listens (PERF-43): see deferredRemixBuild.
 */
import { existsSync, watch } from "node:fs";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import type { ServerBuild } from "@remix-run/node";

const BUILD_FILE = resolve("build/index.js");

function assertBuilt(): void {
  if (!existsSync(BUILD_FILE)) throw new Error(`No Remix build at ${BUILD_FILE}: run "npm run build" first.`);
}

async function importBuild(): Promise<ServerBuild> {
  assertBuilt();
  // The query string busts Node's module cache so a rebuilt file is really reloaded.
  return (await import(`${pathToFileURL(BUILD_FILE).href}?t=${Date.now()}`)) as ServerBuild;
}

/**
 * React picks its development or production build from process.env.NODE_ENV when the Remix build first imports
 * it, and an unset variable means development. The config defaults NODE_ENV to production without setting the
 * variable, so `npm start` rendered every page with React's development build (PERF-51).
 */
function productionReactUnlessSet(): void {
  process.env.NODE_ENV ??= "production";
}

export async function loadRemixBuild(development: boolean): Promise<ServerBuild | (() => Promise<ServerBuild>)> {
  if (!development) productionReactUnlessSet();
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

/**
 * PERF-43: the production build, imported on first use instead of before listening (React, React Router and
 * the routes are a fifth of start-up's CPU). The server calls `load()` right after it listens; a page request
 * that comes first waits for the same import. A missing build still fails at once.
 */
export function deferredRemixBuild(): { build: () => Promise<ServerBuild>; load: () => Promise<ServerBuild> } {
  assertBuilt();
  productionReactUnlessSet();
  let loading: Promise<ServerBuild> | null = null;
  const load = () => (loading ??= importBuild());
  return { build: load, load };
}
