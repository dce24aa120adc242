import { isFailedSubmission } from "~/lib/keep-input";
import { data, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import {
  Link,
  Links,
  LiveReload,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useRouteLoaderData,
  type ShouldRevalidateFunction,
} from "@remix-run/react";
import type { ReactNode } from "react";
import { UserMenu } from "~/components/account/user-menu";
import { ErrorView } from "~/components/error-view";
import { KeptInputNotice } from "~/components/kept-input-notice";
import { LanguageSwitch } from "~/components/language-switch";
import { createI18n, currentLocale, t } from "~/i18n";
import { LocaleProvider } from "~/i18n/locale-context";
import { localeCookie, requestLocale } from "~/i18n/request-locale.server";
import { ensureCsrfToken } from "~/lib/csrf.server";
import { useNonce } from "~/lib/nonce";
import { isConsensusAction } from "~/lib/own-action-echo";
import { getCurrentUser } from "~/lib/session.server";
import { MarkingBanner } from "~/components/marking-banner";
import { boardMarkingOf } from "~/lib/board-marking.server";
import { boardIdOfPath } from "~/lib/board-path";
import stylesheet from "~/styles/app.css";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: stylesheet },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export const meta: MetaFunction = () => [{ title: t("app.name") }, { name: "description", content: t("app.tagline") }];

/** A position or comment changes nothing the header reads (account, language, CSRF token): no round trip. */
export const shouldRevalidate: ShouldRevalidateFunction = ({
  formAction,
  actionResult,
  currentUrl,
  nextUrl,
  defaultShouldRevalidate,
}) =>
  isConsensusAction(formAction) || isFailedSubmission(actionResult)
    ? false
    : // Another board (or none): the marking banner follows (MARK-4).
      defaultShouldRevalidate || boardIdOfPath(currentUrl.pathname) !== boardIdOfPath(nextUrl.pathname);

export async function loader({ request, context }: LoaderFunctionArgs) {
  const csrf = ensureCsrfToken(request, context);
  const current = await getCurrentUser(request, context);
  // The account's language wins; the cookie follows it so loaders, actions and the next visit agree.
  const locale = requestLocale(request, current?.locale);
  // Only what the header needs: the email stays on the account page. The delegation in the reader's language.
  const user = current
    ? {
        id: current.id,
        displayName: current.displayName,
        delegationName: createI18n(locale).delegationName(current.delegation.code, current.delegation.name),
      }
    : null;
  const headers = new Headers();
  if (csrf.setCookie) headers.append("Set-Cookie", csrf.setCookie);
  if (current?.locale && requestLocale(request) !== locale)
    headers.append("Set-Cookie", localeCookie(locale, context.secureCookies));
  const marking = await boardMarkingOf(context, request, current?.id ?? null);
  return data({ csrf: csrf.token, user, locale, marking }, { headers });
}

export function Layout({ children }: { children: ReactNode }) {
  const rootData = useRouteLoaderData<typeof loader>("root");
  const nonce = useNonce();
  const locale = rootData?.locale ?? currentLocale();
  return (
    <html lang={locale}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        <LocaleProvider value={locale}>
          <a href="#main" className="skip-link">
            {t("app.skipToContent")}
          </a>
          <header className="app-header">
            <Link to="/" className="brand">
              <span className="brand-mark" aria-hidden="true" />
              {t("app.name")}
            </Link>
            <span className="brand-tagline">{t("app.tagline")}</span>
            <LanguageSwitch />
            {rootData?.user && <UserMenu user={rootData.user} />}
          </header>
          {rootData?.marking && <MarkingBanner marking={rootData.marking} position="top" />}
          <main id="main" tabIndex={-1}>
            {rootData?.user && <KeptInputNotice userId={rootData.user.id} />}
            {children}
          </main>
          {rootData?.marking && <MarkingBanner marking={rootData.marking} position="bottom" />}
          <ScrollRestoration nonce={nonce} />
          <Scripts nonce={nonce} />
          <LiveReload nonce={nonce} />
        </LocaleProvider>
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
