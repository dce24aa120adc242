/**
 * JSON answers speak the requester's language: services put message refs in field errors and refusals
 * (core/message-ref.ts), and a JSON route translates them here before they leave, so an API client or the
 * page gets "Proposez d'abord cette ligne…" rather than a key. Text that is not a ref passes unchanged.
 */
import type { I18n } from "~/i18n";

export function fieldErrorsIn(
  i18n: I18n,
  fieldErrors: Partial<Record<string, string>>,
): Partial<Record<string, string>> {
  return Object.fromEntries(
    Object.entries(fieldErrors).map(([field, message]) => [
      field,
      message === undefined ? message : i18n.tMessage(message),
    ]),
  );
}

/** A refused JSON answer ({ message?, fieldErrors? }) rewritten in the reader's language; a success is left alone. */
export async function inLanguage(response: Response, i18n: I18n): Promise<Response> {
  if (response.ok) return response;
  const body = (await response.json()) as { message?: string; fieldErrors?: Record<string, string> };
  if (body.message) body.message = i18n.tMessage(body.message);
  if (body.fieldErrors) body.fieldErrors = fieldErrorsIn(i18n, body.fieldErrors) as Record<string, string>;
  return Response.json(body, { status: response.status, headers: { "Cache-Control": "no-store" } });
}
