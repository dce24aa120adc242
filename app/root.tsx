import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, Links, Meta, Outlet, Scripts, ScrollRestoration, useRouteLoaderData } from "@remix-run/react";
import type { ReactNode } from "react";
import { ErrorView } from "~/components/error-view";
import { LOCALE, t } from "~/i18n";
import { readGuestIdentity } from "~/lib/guest-identity";
import stylesheet from "~/styles/app.css";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: stylesheet },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export const meta: MetaFunction = () => [{ title: t("app.name") }, { name: "description", content: t("app.tagline") }];

export function loader({ request }: LoaderFunctionArgs) {
  return { identity: readGuestIdentity(request.headers.get("Cookie")) };
}

export function Layout({ children }: { children: ReactNode }) {
  const data = useRouteLoaderData<typeof loader>("root");
  const identity = data?.identity;
  return (
    <html lang={LOCALE}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        <a href="#main" className="skip-link">
          {t("app.skipToContent")}
        </a>
        <header className="app-header">
          <Link to="/" className="brand">
            <span className="brand-mark" aria-hidden="true" />
            {t("app.name")}
          </Link>
          <span className="brand-tagline">{t("app.tagline")}</span>
          {identity && (
            <span className="identity" data-testid="current-identity">
              {t("identity.signedInAs", { name: identity.name, delegation: identity.delegation })}
            </span>
          )}
        </header>
        <main id="main" tabIndex={-1}>
          {children}
        </main>
        <ScrollRestoration />
        <Scripts />
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}

export function ErrorBoundary() {
  return <ErrorView />;
}
