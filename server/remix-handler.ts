/**
 * The Remix request handler, always handed a build object (PERF-60). Given a build *function*, Remix calls it
 * and derives the route tree, the data routes and the static handler again on every request (0.2–0.3 ms of CPU
 * on a 1.3–1.7 ms data request, measured here); given the object, once. `npm start` (PERF-43) and development
 * hand over a function, so it is resolved here: a request that comes before the build is imported waits for it,
 * and Remix gets the build object, with a handler made once per build (development re-imports the build after
 * each rebuild: a new object, a new handler).
 */
import { createRequestHandler, type GetLoadContextFunction } from "@remix-run/express";
import type { ServerBuild } from "@remix-run/node";
import type { RequestHandler } from "express";

export function remixRequestHandler(
  build: ServerBuild | (() => Promise<ServerBuild>),
  getLoadContext: GetLoadContextFunction,
): RequestHandler {
  if (typeof build !== "function") return createRequestHandler({ build, getLoadContext });
  let made: { build: ServerBuild; handler: RequestHandler } | null = null;
  return (request, response, next) => {
    void build().then((current) => {
      if (made?.build !== current)
        made = { build: current, handler: createRequestHandler({ build: current, getLoadContext }) };
      return made.handler(request, response, next);
    }, next);
  };
}
