/**
 * Compiles the custom server to plain JavaScript (build/server/), so `npm start`
 * runs `node build/server/index.js` instead of compiling TypeScript with tsx at
 * every start (seconds on a busy machine). Our own code (server/, core/) is
 * bundled, and so are the few pure-JavaScript packages only the server loads
 * (PERF-43, below); other packages stay in node_modules (native modules, Prisma's runtime),
 * and the generated Prisma clients are imported from generated/ as they are.
 *
 * Entry points: server/index.ts and every worker entry (server/**\/*-worker.ts or
 * *.worker.ts), each emitted next to the main bundle as build/server/<name>.js,
 * so code that starts a worker finds it with new URL("./<name>.js",
 * import.meta.url) whichever bundle file it ended up in (index.js or a chunk,
 * all in build/server/). Code they share goes into chunks.
 */
import { build } from "esbuild";
import { readdirSync, rmSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const outdir = join(root, "build", "server");

function workerEntries(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return workerEntries(path);
    return /[.-]worker\.ts$/.test(entry.name) ? [path] : [];
  });
}

/** `../../generated/<client>` from server/db → the same folder from build/server, kept external (it loads its WASM next to itself). */
const generatedClients = {
  name: "generated-prisma-clients",
  setup(context) {
    context.onResolve({ filter: /\/generated\/(sqlite|postgres)$/ }, (args) => {
      const client = args.path.split("/").pop();
      const target = join(root, "generated", client, "index.js");
      const fromOut = relative(outdir, target).split(sep).join("/");
      return { path: fromOut.startsWith(".") ? fromOut : `./${fromOut}`, external: true };
    });
  },
};

/**
 * PERF-43: the server's own pure-JavaScript packages are bundled in, with everything they import, instead of
 * being loaded from node_modules at start (express alone is ~50 CommonJS files, each resolved, read, lexed for
 * its exports and compiled: ~0.1 s of every start). Only packages nothing else loads: a package the Remix build
 * also imports (zod, yjs, react…) must stay one shared copy, and native, Prisma and worker packages stay outside.
 */
const BUNDLED_PACKAGES = /^(express|compression|prom-client|ws)(\/.*)?$/;
/** Optional native helpers of ws, required inside try/catch: absent here, and never bundled. */
const OPTIONAL_NATIVE = /^(bufferutil|utf-8-validate)$/;
const packagesOutsideButBundled = {
  name: "packages-outside-but-bundled",
  setup(context) {
    context.onResolve({ filter: /^[^./]/ }, (args) => {
      const insideBundledPackage = args.importer.includes(`${sep}node_modules${sep}`);
      if (BUNDLED_PACKAGES.test(args.path) || (insideBundledPackage && !OPTIONAL_NATIVE.test(args.path))) return;
      return { path: args.path, external: true };
    });
  },
};

const started = Date.now();
rmSync(outdir, { recursive: true, force: true });
const entryPoints = { index: join(root, "server", "index.ts") };
for (const worker of workerEntries(join(root, "server"))) {
  const name = worker.split(sep).pop().replace(/\.ts$/, "");
  if (entryPoints[name]) throw new Error(`two worker entries named ${name}: rename one`);
  entryPoints[name] = worker;
}
await build({
  entryPoints,
  outdir,
  bundle: true,
  splitting: true,
  platform: "node",
  format: "esm",
  target: "node20",
  sourcemap: true,
  plugins: [generatedClients, packagesOutsideButBundled],
  // Bundled CommonJS helpers may call require(): give ESM output one.
  banner: {
    js: 'import { createRequire as __remitCreateRequire } from "node:module"; const require = __remitCreateRequire(import.meta.url);',
  },
  logLevel: "warning",
});
console.log(
  `server compiled to ${relative(root, outdir)}/ (${Object.keys(entryPoints).join(", ")}) in ${Date.now() - started} ms`,
);
