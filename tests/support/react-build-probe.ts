/**
 * Run as a child process with NODE_ENV unset, as `npm start` runs: loads the Remix build as the server does, and
 * prints which build of react-dom/server it brought in ("production" or "development").
 */
import { createRequire } from "node:module";
import { loadRemixBuild } from "../../server/remix-build";

await loadRemixBuild(false);
const loaded = Object.keys(createRequire(import.meta.url).cache).filter((path) =>
  /react-dom-server\.node\./.test(path),
);
console.log(
  loaded.some((path) => path.includes(".development.")) ? "development" : loaded.length > 0 ? "production" : "none",
);
