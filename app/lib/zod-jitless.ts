/**
 * Zod 4 compiles fast object parsers with `new Function`, after probing
 * whether eval is allowed. Our CSP forbids eval, so the probe would report a
 * violation on every page; jitless skips probe and compiled path (same results).
 * The probe runs when a z.object() is built, so this is the first import of
 * root.tsx: Remix loads route modules (root first) before entry.client.
 * Browser only; the server has no CSP and keeps the fast path.
 */
import { config } from "zod/v4/core";

if (typeof document !== "undefined") config({ jitless: true });
