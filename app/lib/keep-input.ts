/**
 * Nothing a person typed is lost to a failed submission (FORMS-1). A fetcher whose action throws (a 403, 413 or
 * 500 answer, or no network at all) would otherwise replace the whole page with the error boundary, and every
 * field with it. Routes that forms post to run their server action through this clientAction: such a failure
 * becomes an ordinary refusal with a form-level message, the form keeps its fields and clears only on success.
 * Redirects still happen (creating a board ends on the new board).
 */
import { isRouteErrorResponse, type ShouldRevalidateFunction } from "@remix-run/react";
import type { MessageKey } from "../i18n";
import { keepForSignIn } from "./kept-after-sign-in";

interface FailedSubmission {
  ok: false;
  fieldErrors: { form: MessageKey };
}

function isRedirect(error: unknown): error is Response {
  return error instanceof Response && error.status >= 300 && error.status < 400;
}

/**
 * FORMS-2: the session ended. What the form carried is kept for after signing in, and signing in leads back to
 * this page (the action's own URL may have no page at all).
 */
function signInAgain(redirect: Response): Response {
  if (!redirect.headers.get("Location")?.startsWith("/login") || typeof window === "undefined") return redirect;
  const page = window.location.pathname + window.location.search;
  keepForSignIn(page);
  return new Response(null, { status: 302, headers: { Location: `/login?next=${encodeURIComponent(page)}` } });
}

/** Why a submission did not go through, as a catalogue key. */
export function failureMessage(error: unknown): MessageKey {
  if (typeof navigator !== "undefined" && navigator.onLine === false) return "forms.notSentOffline";
  const status = isRouteErrorResponse(error) || error instanceof Response ? error.status : null;
  if (status === 413) return "forms.notSentTooLarge";
  if (status === null && error instanceof TypeError) return "forms.notSentOffline"; // fetch: network failure
  return "forms.notSent";
}

export async function keepInputOnFailure<T>(serverAction: () => Promise<T>): Promise<T | FailedSubmission> {
  try {
    return await serverAction();
  } catch (error) {
    if (isRedirect(error)) throw signInAgain(error);
    return { ok: false, fieldErrors: { form: failureMessage(error) } };
  }
}

/** True for the answer keepInputOnFailure makes up: nothing changed on the server. */
export function isFailedSubmission(result: unknown): result is FailedSubmission {
  const form = (result as { fieldErrors?: { form?: unknown } } | null)?.fieldErrors?.form;
  return (
    (result as { ok?: unknown } | null)?.ok === false && typeof form === "string" && form.startsWith("forms.notSent")
  );
}

/**
 * After a submission that was not sent, nothing changed: re-reading the page's data (offline, it would fail and
 * replace the page with the error boundary) is skipped.
 */
export const keepDataAfterFailure: ShouldRevalidateFunction = ({ actionResult, defaultShouldRevalidate }) =>
  isFailedSubmission(actionResult) ? false : defaultShouldRevalidate;
