/** Guest identity on the server side of routes: reading it as a guard, and setting the cookie. */
import { redirect } from "@remix-run/node";
import { encodeGuestCookieValue, GUEST_COOKIE, readGuestIdentity, type GuestIdentity } from "./guest-identity";

const ONE_YEAR_SECONDS = 60 * 60 * 24 * 365;

/** The guest identity, or a redirect to the home page (which asks for it) and back here afterwards. */
export function requireGuestIdentity(request: Request): GuestIdentity {
  const identity = readGuestIdentity(request.headers.get("Cookie"));
  if (identity) return identity;
  const url = new URL(request.url);
  throw redirect(`/?next=${encodeURIComponent(url.pathname + url.search)}`);
}

/** Random url-safe id (16 bytes), matching GuestIdentitySchema's id pattern. */
export function newGuestId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

/** Set-Cookie value. HttpOnly: only the server (routes and the WebSocket upgrade) reads it. */
export function guestCookieHeader(identity: GuestIdentity, request: Request): string {
  const secure = new URL(request.url).protocol === "https:" ? "; Secure" : "";
  return `${GUEST_COOKIE}=${encodeGuestCookieValue(identity)}; Path=/; Max-Age=${ONE_YEAR_SECONDS}; SameSite=Lax; HttpOnly${secure}`;
}
