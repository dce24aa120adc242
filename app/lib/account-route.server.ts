/**
 * What the sign-in and sign-up routes share: they are for signed-out visitors only, they read a CSRF-checked form
 * with the `next` path to return to, and they refuse it with the field errors and what was typed (passwords never
 * echoed): 422 for invalid input, 429 with Retry-After when rate limited.
 */
import type { AppLoadContext } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import type { z } from "zod";
import { rateLimitMessage } from "./account-forms";
import { echoValues, parseForm, type FieldErrors } from "./board-forms";
import { readFormWithCsrf } from "./csrf.server";
import { getCurrentUser, nextPathForRedirect } from "./session.server";

/** The `next` path of the page's URL; a visitor already signed in is sent there at once. */
export async function requireSignedOut(request: Request, context: AppLoadContext): Promise<string> {
  const next = nextPathForRedirect(new URL(request.url).searchParams.get("next"));
  if (await getCurrentUser(request, context)) throw redirect(next);
  return next;
}

export async function readAccountForm<Schema extends z.ZodType>(request: Request, schema: Schema) {
  const formData = await readFormWithCsrf(request);
  const values = echoValues(formData);
  const refuse = (fieldErrors: FieldErrors, status = 422) => data({ fieldErrors, values }, { status });
  return {
    next: nextPathForRedirect(formData.get("next")),
    parsed: parseForm(schema, formData),
    refuse,
    rateLimited: (retryAfterSeconds: number) =>
      data(
        { fieldErrors: { form: rateLimitMessage(retryAfterSeconds) } as FieldErrors, values },
        { status: 429, headers: { "Retry-After": String(retryAfterSeconds) } },
      ),
  };
}
