/**
 * Writes a brotli (`.br`) and a gzip (`.gz`) copy next to every script and stylesheet of the Remix client
 * build (public/build), at the highest levels. The server sends these as they are (server/static-assets.ts),
 * so the board's JavaScript goes out at brotli's best ratio without spending that CPU on every request: the
 * `compression` middleware compresses on the fly at brotli quality 4, which left the board page at ~264 KB.
 */
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { brotliCompress, constants, gzip } from "node:zlib";
import { fileURLToPath } from "node:url";

const buildDir = fileURLToPath(new URL("../public/build", import.meta.url));
const COMPRESSIBLE = /\.(js|css)$/;
/** Below this, the headers cost more than compression saves (the middleware's own threshold). */
const MIN_BYTES = 1024;

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

function assets(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return assets(path);
    return COMPRESSIBLE.test(entry.name) ? [path] : [];
  });
}

const started = Date.now();
let raw = 0;
let packed = 0;
const files = assets(buildDir);
await Promise.all(
  files.map(async (path) => {
    const source = readFileSync(path);
    if (source.length < MIN_BYTES) return;
    const [br, gz] = await Promise.all([
      brotli(source, {
        params: {
          [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
          [constants.BROTLI_PARAM_SIZE_HINT]: source.length,
        },
      }),
      gzipAsync(source, { level: constants.Z_BEST_COMPRESSION }),
    ]);
    writeFileSync(`${path}.br`, br);
    writeFileSync(`${path}.gz`, gz);
    raw += source.length;
    packed += br.length;
  }),
);
console.log(
  `precompressed ${files.length} assets: ${(raw / 1024).toFixed(0)} KB -> ${(packed / 1024).toFixed(0)} KB brotli in ${Date.now() - started} ms`,
);
