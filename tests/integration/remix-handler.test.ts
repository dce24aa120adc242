/**
 * PERF-60: the server hands Remix the build object, so Remix derives its routes once, not on every request.
 * The server here gets the build as `npm start` gives it (deferredRemixBuild: a function, PERF-43).
 */
import { existsSync } from "node:fs";
import type { ServerBuild } from "@remix-run/node";
import { expect, it } from "vitest";
import { deferredRemixBuild } from "../../server/remix-build";
import { givenAppServer } from "../support/given-server";

let derivations = 0;

/**
 * The build with its route manifest watched: Remix's `derive` (server-runtime's server.js) reads `build.routes`
 * to make the route tree and the static handler; rendering a page reads it too, so only derive's reads count.
 */
function watchedBuild(build: ServerBuild): ServerBuild {
  const watched = { ...build };
  Object.defineProperty(watched, "routes", {
    get: () => {
      if (/\bat derive \(/.test(new Error().stack ?? "")) derivations += 1;
      return build.routes;
    },
  });
  return watched;
}

const remixBuilt = existsSync("build/index.js");
const deferred = remixBuilt ? deferredRemixBuild() : null;
let watched: Promise<ServerBuild> | null = null;
const remit = givenAppServer({
  options: () => (deferred ? { build: () => (watched ??= deferred.build().then(watchedBuild)) } : {}),
});

it("PERF-60 given the build as npm start gives it, Remix derives its routes once, not per request", async (context) => {
  if (!remixBuilt) context.skip();
  const page = async () => expect((await fetch(`${remit.server.url}/login`)).status).toBe(200);
  await page();
  const afterFirst = derivations;
  expect(afterFirst).toBeGreaterThan(0); // the probe sees derive
  for (let request = 0; request < 5; request += 1) await page();
  expect(derivations).toBe(afterFirst);
});
