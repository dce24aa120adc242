/**
 * The one way browser-reachable code gets zod (decision 005). Zod 4 compiles fast object parsers with
 * `new Function` after probing whether eval is allowed; our CSP forbids eval, so in the browser the probe
 * would report a violation on every page. The probe runs when a z.object() is built, so jitless must be set
 * before any schema module runs: every such module imports zod from here, which makes this module run
 * first whatever order the bundler gives the chunks. The server has no CSP and keeps the fast path.
 */
import { config } from "zod";

if (typeof document !== "undefined") config({ jitless: true });

export * from "zod";
