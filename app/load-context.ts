/**
 * Remix glue: every loader and action receives the services of core/services.ts
 * as its load context (wired by server/remit-server.ts).
 */
import type { RemitLoadContext } from "../core/services";

declare module "@remix-run/server-runtime" {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface AppLoadContext extends RemitLoadContext {}
}
