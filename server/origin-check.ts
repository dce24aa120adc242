import type { IncomingMessage } from "node:http";

/**
 * Browsers always send Origin on WebSocket upgrades; a page on another site
 * must not open a socket with the user's cookie. Allowed: the app's own
 * origin (same host as the request) and the configured ALLOWED_ORIGINS.
 * Clients that send no Origin (not browsers) still have to authenticate.
 */
export function originChecker(allowedOrigins: string[]) {
  const allowed = new Set(allowedOrigins.map((origin) => new URL(origin).origin));
  return (origin: string | undefined, request: IncomingMessage): boolean => {
    if (origin === undefined) return true;
    let parsed: URL;
    try {
      parsed = new URL(origin);
    } catch {
      return false;
    }
    if (allowed.has(parsed.origin)) return true;
    return parsed.host === request.headers.host && (parsed.protocol === "http:" || parsed.protocol === "https:");
  };
}
