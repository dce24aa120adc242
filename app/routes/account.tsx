import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { CsrfField } from "~/components/csrf-field";
import { LanguageForm } from "~/components/account/language-form";
import { ErrorView } from "~/components/error-view";
import { createI18n, t } from "~/i18n";
import { requestI18n, requestLocale } from "~/i18n/request-locale.server";
import { readFormWithCsrf } from "~/lib/csrf.server";
import { destroySession, requireUser } from "~/lib/session.server";
import { wipeThenSubmit } from "~/lib/unsaved-edits-store";

export const meta: MetaFunction = () => [{ title: t("account.accountMetaTitle") }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, context);
  const locale = requestLocale(request, user.locale);
  const delegation = createI18n(locale).delegationName(user.delegation.code, user.delegation.name);
  return { user: { id: user.id, displayName: user.displayName, email: user.email, delegation }, locale };
}

/** "Sign out everywhere" (plain sign-out posts to /logout). */
export async function action({ request, context }: ActionFunctionArgs) {
  const { t } = requestI18n(request);
  const formData = await readFormWithCsrf(request);
  const user = await requireUser(request, context);
  if (formData.get("intent") !== "sign-out-everywhere") throw data(t("forms.badRequest"), { status: 400 });
  await context.auth.signOutEverywhere(user.id);
  return redirect("/login", { headers: { "Set-Cookie": destroySession(context) } });
}

export default function Account() {
  const { user, locale } = useLoaderData<typeof loader>();
  return (
    <div className="page page-narrow">
      <section className="panel" aria-labelledby="account-heading">
        <h1 id="account-heading">{t("account.accountHeading")}</h1>
        <dl className="facts" data-testid="account-facts">
          <dt>{t("account.displayName")}</dt>
          <dd>{user.displayName}</dd>
          <dt>{t("account.email")}</dt>
          <dd>{user.email}</dd>
          <dt>{t("account.delegation")}</dt>
          <dd>{user.delegation}</dd>
        </dl>
        <div className="form-actions">
          <Form method="post" action="/logout" reloadDocument onSubmit={wipeThenSubmit(user.id)}>
            <CsrfField />
            <button type="submit" className="button">
              {t("account.signOut")}
            </button>
          </Form>
          <Form method="post" reloadDocument onSubmit={wipeThenSubmit(user.id)}>
            <CsrfField />
            <input type="hidden" name="intent" value="sign-out-everywhere" />
            <button
              type="submit"
              className="button"
              aria-describedby="sign-out-everywhere-hint"
              data-testid="sign-out-everywhere"
            >
              {t("account.signOutEverywhere")}
            </button>
          </Form>
        </div>
        <p id="sign-out-everywhere-hint" className="hint">
          {t("account.signOutEverywhereHint")}
        </p>
      </section>
      <section className="panel">
        <LanguageForm locale={locale} />
      </section>
    </div>
  );
}

export function ErrorBoundary() {
  return <ErrorView />;
}
