/**
 * The signed-in user of a request, from the `remit_session` cookie (a random
 * token; the server keeps only its hash and can revoke it).
 */
import { redirect, type AppLoadContext } from "@remix-run/node";
import type { CurrentUser } from "../../core/services";
import { readCookie, serializeCookie, SESSION_COOKIE } from "../../core/cookies";
import { pathOf, safeNextPath, withNext } from "./next-path";

const THIRTY_DAYS_SECONDS = 30 * 24 * 60 * 60;

type SessionContext = Pick<AppLoadContext, "auth" | "secureCookies">;

// Root and route loaders of one request ask for the user in parallel: look the session up once.
const lookups = new WeakMap<Request, Promise<CurrentUser | null>>();

export function readSessionToken(request: Request): string | null {
  return readCookie(request.headers.get("Cookie"), SESSION_COOKIE);
}

export function getCurrentUser(request: Request, context: SessionContext): Promise<CurrentUser | null> {
  let lookup = lookups.get(request);
  if (!lookup) {
    const token = readSessionToken(request);
    lookup = token ? context.auth.getSessionUser(token) : Promise.resolve(null);
    lookups.set(request, lookup);
  }
  return lookup;
}

/** The signed-in user, or a redirect to /login that comes back to this page afterwards. */
export async function requireUser(request: Request, context: SessionContext): Promise<CurrentUser> {
  const user = await getCurrentUser(request, context);
  if (user) return user;
  throw redirect(withNext("/login", pathOf(new URL(request.url))));
}

/**
 * Where to go after signing in or up: a same-site path (safeNextPath) in
 * printable ASCII only. A Location header cannot carry other characters (the
 * redirect would fail with a 500 after the session was made); real paths come
 * percent-encoded, so nothing legitimate is lost.
 */
export function nextPathForRedirect(value: unknown): string {
  const path = safeNextPath(value);
  return /^[\x21-\x7e]*$/.test(path) ? path : "/";
}

/** Set-Cookie header value that starts a session in the browser. */
export function commitSession(token: string, context: Pick<AppLoadContext, "secureCookies">): string {
  return serializeCookie(SESSION_COOKIE, token, { maxAge: THIRTY_DAYS_SECONDS, secure: context.secureCookies });
}

/** Set-Cookie header value that removes the session cookie. */
export function destroySession(context: Pick<AppLoadContext, "secureCookies">): string {
  return serializeCookie(SESSION_COOKIE, "", { maxAge: 0, secure: context.secureCookies });
}
