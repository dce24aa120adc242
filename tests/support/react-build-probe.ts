/**
 * Run as a child process with NODE_ENV unset, as `npm start` runs: loads the Remix build as server/index.ts does
 * (deferred, PERF-43), and prints which build of react-dom/server it brought in ("production" or "development").
 */
import { createRequire } from "node:module";
import { deferredRemixBuild } from "../../server/remix-build";

await deferredRemixBuild().load();
const loaded = Object.keys(createRequire(import.meta.url).cache).filter((path) =>
  /react-dom-server\.node\./.test(path),
);
console.log(
  loaded.some((path) => path.includes(".development.")) ? "development" : loaded.length > 0 ? "production" : "none",
);
