import { existsSync, readdirSync } from "node:fs";
import { extname, join, relative, sep } from "node:path";
import express, { type RequestHandler } from "express";

/** Encodings written at build time by scripts/precompress-assets.mjs, best first. */
const ENCODINGS = [
  { name: "br", suffix: ".br" },
  { name: "gzip", suffix: ".gz" },
] as const;

/** The types of what is precompressed; the `.br`/`.gz` file itself would be served as application/octet-stream. */
const CONTENT_TYPES: Record<string, string> = {
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
};

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(path) : [path];
  });
}

/**
 * Serves the fingerprinted client build (immutable, cached for a year) and, when the browser accepts it, the
 * brotli or gzip copy written at build time instead of the original: brotli at its best quality is far too slow
 * to run per request, and the on-the-fly middleware's quality 4 leaves the board's JS ~20 % larger. The copies
 * are listed once at start (the build never changes under a running server), so a request costs no file lookup.
 */
export function clientBuildAssets(dir: string): RequestHandler {
  const precompressed = new Set(
    filesUnder(dir)
      .filter((path) => ENCODINGS.some(({ suffix }) => path.endsWith(suffix)))
      .map((path) => `/${relative(dir, path).split(sep).join("/")}`),
  );
  const serve = express.static(dir, {
    immutable: true,
    maxAge: "1y",
    setHeaders(response, path) {
      const encoding = ENCODINGS.find(({ suffix }) => path.endsWith(suffix));
      if (!encoding) return;
      response.setHeader("Content-Encoding", encoding.name);
      const type = CONTENT_TYPES[extname(path.slice(0, -encoding.suffix.length))];
      if (type) response.setHeader("Content-Type", type);
    },
  });
  return (request, response, next) => {
    if (request.method === "GET" || request.method === "HEAD") {
      const path = request.path;
      // Ours first, not the browser's listing order: Chromium sends "gzip, deflate, br", all at q=1.
      const encoding = ENCODINGS.find(({ name }) => request.acceptsEncodings(name) === name);
      if (CONTENT_TYPES[extname(path)]) response.vary("Accept-Encoding");
      if (encoding && precompressed.has(path + encoding.suffix)) {
        request.url = path + encoding.suffix + request.url.slice(path.length);
      }
    }
    serve(request, response, next);
  };
}
