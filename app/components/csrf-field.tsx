/** The hidden CSRF token every form posts (checked by readFormWithCsrf in the action). */
import { useRouteLoaderData } from "@remix-run/react";
import { CSRF_FIELD } from "../../core/cookies";
import type { loader as rootLoader } from "~/root";

export function useCsrfToken(): string {
  return useRouteLoaderData<typeof rootLoader>("root")?.csrf ?? "";
}

export function CsrfField() {
  return <input type="hidden" name={CSRF_FIELD} value={useCsrfToken()} />;
}
