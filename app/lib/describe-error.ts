/** A human message per error status for the error pages: never the framework's own text (such as "No route matches"). */
import { isRouteErrorResponse } from "@remix-run/react";
import { t, tMessage } from "../i18n";

interface ErrorDescription {
  status: number;
  heading: string;
  detail: string;
}

/**
 * Our own thrown messages come from the catalogue (some as message refs, translated here in the reader's
 * language); the framework's start with "Error:" and stay hidden.
 */
function ownMessage(data: unknown): string | null {
  return typeof data === "string" && data.trim() !== "" && !/^error\b/i.test(data.trim()) ? tMessage(data) : null;
}

export function describeError(error: unknown): ErrorDescription {
  if (!isRouteErrorResponse(error))
    return { status: 500, heading: t("errors.title"), detail: t("errors.serverDetail") };
  const { status } = error;
  if (status === 404) return { status, heading: t("errors.notFound"), detail: t("errors.notFoundDetail") };
  if (status === 403) {
    return {
      status,
      heading: t("errors.forbiddenHeading"),
      detail: ownMessage(error.data) ?? t("errors.forbiddenDetail"),
    };
  }
  if (status >= 400 && status < 500) {
    return { status, heading: t("errors.badRequest"), detail: ownMessage(error.data) ?? t("forms.badRequest") };
  }
  return { status, heading: t("errors.title"), detail: t("errors.serverDetail") };
}
