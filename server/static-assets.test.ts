import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { request as httpRequest, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { brotliCompressSync, brotliDecompressSync, constants, gunzipSync, gzipSync } from "node:zlib";
import compression from "compression";
import express from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { clientBuildAssets } from "./static-assets";

const script = Buffer.from(`export const board = ${JSON.stringify("threat ".repeat(2000))};\n`);
const unpacked = Buffer.from(`export const other = ${JSON.stringify("instrument ".repeat(500))};\n`);
// Best-quality copies, as scripts/precompress-assets.mjs writes them: their bytes differ from on-the-fly output.
const brotliCopy = brotliCompressSync(script, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } });
const gzipCopy = gzipSync(script, { level: 9 });
let dir: string;
let server: Server;
let port: number;

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

function get(path: string, acceptEncoding?: string, method = "GET"): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const headers = acceptEncoding === undefined ? {} : { "Accept-Encoding": acceptEncoding };
    const request = httpRequest({ port, path, method, headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () =>
        resolve({ status: response.statusCode!, headers: response.headers, body: Buffer.concat(chunks) }),
      );
    });
    request.on("error", reject);
    request.end();
  });
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "remit-assets-"));
  mkdirSync(join(dir, "_shared"));
  writeFileSync(join(dir, "_shared", "board.js"), script);
  writeFileSync(join(dir, "_shared", "board.js.br"), brotliCopy);
  writeFileSync(join(dir, "_shared", "board.js.gz"), gzipCopy);
  writeFileSync(join(dir, "other.js"), unpacked);
  const app = express();
  app.use(compression());
  app.use("/build", clientBuildAssets(dir));
  server = app.listen(0);
  await new Promise((resolve) => server.once("listening", resolve));
  port = (server.address() as AddressInfo).port;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  rmSync(dir, { recursive: true, force: true });
});

describe("PERF-50: the client build is served from the copies compressed at build time", () => {
  it("sends the brotli copy to a browser that lists br after gzip, with the script's type and a year's cache", async () => {
    const reply = await get("/build/_shared/board.js", "gzip, deflate, br, zstd");
    expect(reply.status).toBe(200);
    expect(reply.headers["content-encoding"]).toBe("br");
    expect(reply.headers["content-type"]).toBe("text/javascript; charset=utf-8");
    expect(reply.headers["vary"]).toContain("Accept-Encoding");
    expect(reply.headers["cache-control"]).toContain("immutable");
    // The very bytes written at build time, not the middleware's own (quality 4) compression of the script.
    expect(reply.body.equals(brotliCopy)).toBe(true);
    expect(brotliDecompressSync(reply.body).equals(script)).toBe(true);
  });

  it("falls back to the gzip copy, then to the original, as the request allows", async () => {
    const gzip = await get("/build/_shared/board.js", "br;q=0, gzip");
    expect(gzip.headers["content-encoding"]).toBe("gzip");
    expect(gzip.body.equals(gzipCopy)).toBe(true);
    expect(gunzipSync(gzip.body).equals(script)).toBe(true);

    const plain = await get("/build/_shared/board.js");
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(plain.headers["content-type"]).toMatch(/javascript/);
    expect(plain.body.equals(script)).toBe(true);
  });

  it("answers HEAD like GET, without a body", async () => {
    const reply = await get("/build/_shared/board.js", "br", "HEAD");
    expect(reply.status).toBe(200);
    expect(reply.headers["content-encoding"]).toBe("br");
    expect(reply.body.length).toBe(0);
  });

  it("leaves a file without copies to the on-the-fly middleware, and a missing file to the next handler", async () => {
    const other = await get("/build/other.js", "br");
    expect(other.headers["content-encoding"]).toBe("br");
    expect(brotliDecompressSync(other.body).equals(unpacked)).toBe(true);
    expect((await get("/build/missing.js", "br")).status).toBe(404);
  });
});
