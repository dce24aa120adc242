/**
 * An HTTP client for the test server that carries a session and a CSRF token the way a browser of this site
 * does (givenAppServer in given-server.ts starts the server with the Remix app).
 */
import { randomBytes } from "node:crypto";
import { CSRF_COOKIE } from "../../core/cookies";
import type { RemitServer } from "../../server/remit-server";
import type { TestAccount } from "./accounts";

export interface BrowserOptions {
  /** Sent with every request (Accept-Language, X-Forwarded-For…). */
  headers?: Record<string, string>;
}

/** fetch against the test server as a signed-in browser: session cookie, CSRF cookie, Origin, no redirect following. */
export function browserAs(server: RemitServer, account: TestAccount | null, options: BrowserOptions = {}) {
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
    /** A multipart post as built; add the csrf field yourself (or leave it out to test the check). */
    postMultipart: (path: string, body: FormData) => request(path, { method: "POST", body }),
    /**
     * A multipart post of these parts (a File keeps its name) with this browser's CSRF field, or `csrf` instead
     * (null: none), to test the check.
     */
    postParts: (path: string, parts: Record<string, string | Blob>, { csrf: token = csrf as string | null } = {}) => {
      const body = new FormData();
      if (token !== null) body.set("csrf", token);
      for (const [name, value] of Object.entries(parts)) body.set(name, value);
      return request(path, { method: "POST", body });
    },
  };
}
