/**
 * Remix's default Node entry (isbot + renderToPipeableStream), plus a nonce-based
 * Content-Security-Policy on every document response. The nonce comes from the
 * load context (one per request, made by the server) and reaches React through
 * NonceProvider, never through loader data.
 */
import { randomBytes } from "node:crypto";
import { PassThrough } from "node:stream";
import { createReadableStreamFromReadable, type AppLoadContext, type EntryContext } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import { isbot } from "isbot";
import { renderToPipeableStream } from "react-dom/server";
import { isLocale } from "./i18n";
import { requestLocale, runWithLocale } from "./i18n/request-locale.server";
import { contentSecurityPolicy } from "./lib/csp.server";
import { NonceProvider } from "./lib/nonce";

/** How long deferred/streamed data may take (single fetch reads this export). */
export const streamTimeout = 5_000;

export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  // The server always provides one; the fallback keeps the policy strict if it ever does not.
  const nonce = loadContext.cspNonce || randomBytes(16).toString("base64");
  responseHeaders.set(
    "Content-Security-Policy",
    contentSecurityPolicy(nonce, { development: process.env.NODE_ENV === "development" }),
  );
  // The root loader decided the page's language (account, cookie, Accept-Language); the whole render uses it.
  const rootLocale = (remixContext.staticHandlerContext.loaderData?.root as { locale?: unknown } | undefined)?.locale;
  const locale = isLocale(rootLocale) ? rootLocale : requestLocale(request);
  const waitForAll = isbot(request.headers.get("user-agent") ?? "") || remixContext.isSpaMode;

  return new Promise<Response>((resolve, reject) => {
    let shellRendered = false;
    const ready = () => {
      shellRendered = true;
      const body = new PassThrough();
      responseHeaders.set("Content-Type", "text/html");
      resolve(
        new Response(createReadableStreamFromReadable(body), { headers: responseHeaders, status: responseStatusCode }),
      );
      pipe(body);
    };
    const { pipe, abort } = runWithLocale(locale, () =>
      renderToPipeableStream(
        <NonceProvider value={nonce}>
          <RemixServer context={remixContext} url={request.url} nonce={nonce} />
        </NonceProvider>,
        {
          nonce,
          ...(waitForAll ? { onAllReady: ready } : { onShellReady: ready }),
          onShellError(error: unknown) {
            reject(error);
          },
          onError(error: unknown) {
            responseStatusCode = 500;
            // Errors in the shell reject above and are logged by Remix; log only those after it.
            if (shellRendered) console.error(error);
          },
        },
      ),
    );
    // Abort a little after streamTimeout so rejected promises can still reach the browser.
    setTimeout(abort, streamTimeout + 1_000);
  });
}
