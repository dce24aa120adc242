/**
 * Headers every response carries. The Content-Security-Policy (with a
 * per-request script nonce) is set by app/entry.server.tsx on documents.
 */
import { randomBytes } from "node:crypto";
import type { NextFunction, Request, Response } from "express";

/** One year, the value HSTS preload lists expect. */
const HSTS = "max-age=31536000; includeSubDomains";

export function securityHeaders(request: Request, response: Response, next: NextFunction): void {
  response.locals.cspNonce = randomBytes(16).toString("base64");
  response.setHeader("X-Content-Type-Options", "nosniff");
  response.setHeader("Referrer-Policy", "same-origin");
  response.setHeader("X-Frame-Options", "DENY");
  response.setHeader("Cross-Origin-Opener-Policy", "same-origin");
  response.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
  // `secure` is true only for https: directly, or through the trusted proxy (X-Forwarded-Proto, TRUST_PROXY).
  // Over plain http the header would be ignored by browsers anyway, and must not pin a dev setup to https.
  if (request.secure) response.setHeader("Strict-Transport-Security", HSTS);
  next();
}

/**
 * Pages and data carry board content: no shared cache, no copy kept on disk. Mounted after the static
 * assets (send() keeps a Cache-Control already set, so it must not see this one); a route that sets its
 * own Cache-Control replaces it.
 */
export function noStoreByDefault(_request: Request, response: Response, next: NextFunction): void {
  response.setHeader("Cache-Control", "private, no-store");
  next();
}
