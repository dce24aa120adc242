/**
 * Reading and writing the app's own cookies. Values are url-safe tokens
 * (base64url), written raw so the collaboration server's WebSocket upgrade can
 * read the session cookie with the same `readCookie`.
 */

export const SESSION_COOKIE = "remit_session";
export const CSRF_COOKIE = "remit_csrf";
/** Form field that carries the CSRF token (double submit). */
export const CSRF_FIELD = "csrf";

/** The value of one cookie in a Cookie header, or null. */
export function readCookie(cookieHeader: string | null | undefined, name: string): string | null {
  if (!cookieHeader) return null;
  for (const part of cookieHeader.split(";")) {
    const index = part.indexOf("=");
    if (index < 0 || part.slice(0, index).trim() !== name) continue;
    const value = part.slice(index + 1).trim();
    return value === "" ? null : value;
  }
  return null;
}

interface CookieOptions {
  /** Seconds; 0 deletes the cookie. Omitted: a browser-session cookie. */
  maxAge?: number;
  secure: boolean;
}

/** Set-Cookie value: always HttpOnly, SameSite=Lax, Path=/. */
export function serializeCookie(name: string, value: string, { maxAge, secure }: CookieOptions): string {
  if (!/^[A-Za-z0-9_-]*$/.test(value)) throw new Error(`cookie ${name}: value must be url-safe`);
  const parts = [`${name}=${value}`, "Path=/", "HttpOnly", "SameSite=Lax"];
  if (maxAge !== undefined) parts.push(`Max-Age=${maxAge}`);
  if (maxAge === 0) parts.push("Expires=Thu, 01 Jan 1970 00:00:00 GMT");
  if (secure) parts.push("Secure");
  return parts.join("; ");
}
