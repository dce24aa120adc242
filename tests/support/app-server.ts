/**
 * The real server WITH the Remix app (run `npx remix build` first), for
 * HTTP-level tests of routes, plus an HTTP client that carries a session and
 * a CSRF token the way a browser does.
 */
import { randomBytes } from "node:crypto";
import { CSRF_COOKIE } from "../../core/cookies";
import type { VersionServices } from "../../core/version-contract";
import { loadRemixBuild } from "../../server/remix-build";
import type { RemitServer } from "../../server/remit-server";
import type { TestAccount } from "./accounts";
import { startTestServer, type TestDatabase } from "./test-server";

export interface AppTestServer {
  server: RemitServer;
  versions: VersionServices;
}

export async function startTestServerWithApp(
  database: TestDatabase,
  options: { env?: Record<string, string> } = {},
): Promise<AppTestServer> {
  const server = await startTestServer(
    database,
    { NODE_ENV: "production", ...options.env },
    { build: await loadRemixBuild(false) },
  );
  return { server, versions: server.versions };
}

/**
 * fetch against the test server as a signed-in browser: session cookie, CSRF cookie, no redirect following;
 * `headers` go with every request (Accept-Language, X-Forwarded-For…).
 */
export function browserAs(
  server: RemitServer,
  account: TestAccount | null,
  options: { headers?: Record<string, string> } = {},
) {
  const csrf = randomBytes(32).toString("base64url");
  const cookie = [account?.cookie, `${CSRF_COOKIE}=${csrf}`].filter(Boolean).join("; ");
  const request = (path: string, init: RequestInit = {}) =>
    fetch(server.url + path, {
      redirect: "manual",
      ...init,
      headers: { Cookie: cookie, Origin: server.url, ...options.headers, ...init.headers },
    });
  return {
    csrf,
    /** Any request with this browser's cookies, for bodies that are not a form (JSON, none, broken multipart). */
    request,
    get: (path: string) => request(path),
    /** A form post (urlencoded) with the CSRF field added. */
    postForm: (path: string, fields: Record<string, string>) =>
      request(path, { method: "POST", body: new URLSearchParams({ csrf, ...fields }) }),
    /** A multipart post; add the csrf field yourself (or leave it out to test the check). */
    postMultipart: (path: string, body: FormData) => request(path, { method: "POST", body }),
  };
}
