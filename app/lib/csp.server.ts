/** The Content-Security-Policy of document responses. */

export function contentSecurityPolicy(nonce: string, options: { development: boolean }): string {
  // Dev only: the LiveReload socket of `remix dev` runs on another port.
  const connect = options.development ? "'self' ws://localhost:*" : "'self'";
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}'`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    `connect-src ${connect}`,
    "font-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}
