/**
 * `npm start` runs the server compiled by scripts/build-server.mjs (plain
 * JavaScript, no tsx at start). This builds it and starts it for real on a
 * fresh database, twice: the first start migrates, the second finds nothing
 * pending and does not start the prisma CLI.
 */
import { execFileSync, spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, expect, it } from "vitest";
import { sampleSnapshot } from "../fixtures/sample-snapshot";

const remixBuilt = existsSync("build/index.js");
const dir = mkdtempSync(join(tmpdir(), "remit-compiled-"));

beforeAll(() => {
  if (remixBuilt) execFileSync(process.execPath, ["scripts/build-server.mjs"], { stdio: "pipe" });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/**
 * Starts build/server/index.js; resolves with its output once it listens, after checking /healthz (and, with
 * `page`, fetching that page at once and waiting for the "pages ready" line).
 */
function startCompiled(page?: string): Promise<string> {
  return new Promise((resolve, reject) => {
    // As `npm start` runs it: vitest sets NODE_ENV=test, a production start has it unset.
    const env: Record<string, string | undefined> = {
      ...process.env,
      DATABASE_URL: `file:${join(dir, "remit.db")}`,
      PORT: "0",
      HOST: "127.0.0.1",
      DEMO: "false",
    };
    delete env.NODE_ENV;
    const child = spawn(process.execPath, ["build/server/index.js"], {
      env: env as NodeJS.ProcessEnv,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    let checking = false;
    /** Resolves once the output holds `text` (the server prints it) or the server has exited. */
    const printed = (text: string) =>
      new Promise<void>((done) => {
        const check = () => {
          if (!output.includes(text) && child.exitCode === null) return;
          child.stdout.off("data", check);
          child.off("exit", check);
          done();
        };
        child.stdout.on("data", check);
        child.on("exit", check);
        check();
      });
    child.stdout.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      const url = output.match(/listening on (http:\/\/\S+)/)?.[1];
      if (!url || checking) return;
      checking = true;
      fetch(`${url}/healthz`)
        .then((response) => response.json())
        .then(async (body) => {
          expect(body).toEqual({ ok: true });
          if (page) {
            const response = await fetch(`${url}${page}`);
            output += `\n[test] ${page}: ${response.status} ${response.headers.get("content-type")}\n`;
            await printed("pages ready");
          }
          child.kill("SIGTERM");
        })
        .catch(reject);
    });
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.once("exit", (code) =>
      output.includes("listening on") ? resolve(output) : reject(new Error(`exit ${code}: ${output}`)),
    );
  });
}

it("PERF-9 the compiled server starts without tsx and migrates only when migrations are pending", async (context) => {
  // npm test builds before this runs; on its own, without a Remix build, there is nothing to serve.
  if (!remixBuilt) context.skip();
  expect(existsSync("build/server/index.js")).toBe(true);
  const first = await startCompiled();
  expect(first).toContain("database migrations applied");
  const second = await startCompiled();
  expect(second).toContain("listening on");
  expect(second).not.toContain("database migrations applied");
});

it("PERF-9 worker entries are compiled next to the server bundle, where the pool looks for them", async (context) => {
  if (!remixBuilt) context.skip();
  // server/files/file-pool.ts resolves new URL("./file-worker.js", import.meta.url) when it runs compiled.
  const worker = (await import(pathToFileURL(join(process.cwd(), "build/server/file-worker.js")).href)) as {
    default: (task: unknown) => Promise<{ contentType: string; body: Uint8Array }>;
  };
  const file = await worker.default({
    kind: "export",
    format: "csv",
    snapshot: sampleSnapshot({ rows: 2 }),
    now: new Date().toISOString(),
  });
  expect(file.contentType).toMatch(/csv/);
  expect(file.body.length).toBeGreaterThan(0);
});

/** Packages a file's static imports name, following the bundle's own chunks (dynamic import() not followed). */
function staticPackages(file: string, seen = new Set<string>()): Set<string> {
  const packages = new Set<string>();
  if (seen.has(file)) return packages;
  seen.add(file);
  const source = readFileSync(file, "utf8");
  for (const [, specifier] of source.matchAll(
    /^(?:import|export)\b[^;]*?\sfrom\s+"([^"]+)";?$|^import\s+"([^"]+)"/gm,
  )) {
    if (!specifier) continue;
    if (specifier.startsWith("./"))
      staticPackages(join(dirname(file), specifier), seen).forEach((name) => packages.add(name));
    else if (!specifier.startsWith("node:")) packages.add(specifier);
  }
  return packages;
}

it("PERF-34 the compiled server does not load at start what only workers, Redis or sign-up need", (context) => {
  if (!remixBuilt) context.skip();
  const atStart = staticPackages(join(process.cwd(), "build/server/index.js"));
  expect(atStart).toContain("@remix-run/express");
  for (const name of ["exceljs", "pdfkit", "docx", "csv-parse/sync", "ioredis", "@zxcvbn-ts/language-en"])
    expect(atStart, name).not.toContain(name);
  // The workers still have them, statically.
  expect(staticPackages(join(process.cwd(), "build/server/file-worker.js"))).toContain("exceljs");
});

it("PERF-36 the compiled server loads no database client, adapter or driver statically: only the one in use, on demand", (context) => {
  if (!remixBuilt) context.skip();
  const atStart = [...staticPackages(join(process.cwd(), "build/server/index.js"))];
  for (const name of ["pg", "better-sqlite3", "@prisma/adapter-pg", "@prisma/adapter-better-sqlite3"])
    expect(atStart, name).not.toContain(name);
  expect(atStart.filter((specifier) => specifier.includes("generated/"))).toEqual([]);
  // They are still there, behind import(): the start below (PERF-9) proves the SQLite ones load.
  const bundle = readFileSync(join(process.cwd(), "build/server/index.js"), "utf8");
  for (const name of [
    "pg",
    "@prisma/adapter-pg",
    "../../generated/postgres/index.js",
    "../../generated/sqlite/index.js",
  ])
    expect(bundle, name).toContain(`import("${name}")`);
});

it("PERF-51 started without NODE_ENV, as npm start does, the server renders pages with React's production build", (context) => {
  if (!remixBuilt) context.skip();
  const probe = execFileSync(process.execPath, ["--import", "tsx", "tests/support/react-build-probe.ts"], {
    // A type package declares NODE_ENV always set; here it must not be.
    env: Object.fromEntries(Object.entries(process.env).filter(([name]) => name !== "NODE_ENV")) as NodeJS.ProcessEnv,
    encoding: "utf8",
  });
  expect(probe.trim()).toBe("production");
});

it("PERF-43 the compiled server listens before importing the Remix build, and a page asked for at once waits for it", async (context) => {
  if (!remixBuilt) context.skip();
  const output = await startCompiled("/login");
  const listening = output.indexOf("listening on");
  const pagesReady = output.indexOf("pages ready: Remix build loaded");
  expect(listening).toBeGreaterThanOrEqual(0);
  expect(pagesReady).toBeGreaterThan(listening);
  expect(output).toContain("[test] /login: 200 text/html");
  // NODE_ENV unset: the deferred import, too, loads React's production build (PERF-51).
  expect(output).toContain("(NODE_ENV=production)");
});

it("PERF-43 the compiled server bundles its own pure-JavaScript packages instead of loading them from node_modules", (context) => {
  if (!remixBuilt) context.skip();
  const atStart = staticPackages(join(process.cwd(), "build/server/index.js"));
  for (const name of ["express", "compression", "prom-client", "ws"]) expect(atStart, name).not.toContain(name);
  // Shared with the Remix build, so never a second copy.
  for (const name of ["zod", "yjs"]) expect(atStart, name).toContain(name);
});
