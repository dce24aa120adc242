/** What every route's ErrorBoundary shows: a human message per status and a way back. */
import { Link, useRouteError } from "@remix-run/react";
import { t } from "~/i18n";
import { describeError } from "~/lib/describe-error";

export function ErrorView() {
  const { status, heading, detail } = describeError(useRouteError());
  return (
    <div className="error-view" role="alert" data-testid="error-view" data-status={status}>
      <h1>{heading}</h1>
      <p>{detail}</p>
      <p>
        <Link to="/">{t("errors.home")}</Link>
      </p>
      <p className="muted">{t("errors.code", { status })}</p>
    </div>
  );
}
