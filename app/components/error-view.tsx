/** What every route's ErrorBoundary shows: a status-aware message and a way back. */
import { isRouteErrorResponse, Link, useRouteError } from "@remix-run/react";
import { t } from "~/i18n";

function describe(error: unknown): { heading: string; detail: string } {
  if (isRouteErrorResponse(error)) {
    const detail = typeof error.data === "string" && error.data ? error.data : error.statusText;
    if (error.status === 404) return { heading: t("errors.notFound"), detail: detail || t("errors.boardNotFound") };
    if (error.status === 400) return { heading: t("errors.badRequest"), detail: detail || t("forms.badRequest") };
    return { heading: t("errors.status", { status: error.status }), detail: detail || t("errors.unexpected") };
  }
  return { heading: t("errors.title"), detail: t("errors.unexpected") };
}

export function ErrorView() {
  const error = useRouteError();
  const { heading, detail } = describe(error);
  return (
    <div className="error-view" role="alert">
      <h1>{heading}</h1>
      <p>{detail}</p>
      <p>
        <Link to="/">{t("errors.home")}</Link>
      </p>
    </div>
  );
}
