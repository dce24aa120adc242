import { requestI18n } from "~/i18n/request-locale.server";
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useRef } from "react";
import { TextInput } from "~/components/account/text-input";
import { CsrfField } from "~/components/csrf-field";
import { ErrorView } from "~/components/error-view";
import { useFocusFirstInvalid } from "~/hooks/use-focus-invalid";
import { t } from "~/i18n";
import { LoginFormSchema } from "~/lib/account-forms";
import { readAccountForm, requireSignedOut } from "~/lib/account-route.server";
import { withNext } from "~/lib/next-path";
import { commitSession } from "~/lib/session.server";

export const meta: MetaFunction = () => [{ title: t("account.signInMetaTitle") }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const next = await requireSignedOut(request, context);
  // After sign-up (which answers the same whether the email was new or not, so it starts no session).
  return { next, registered: new URL(request.url).searchParams.get("registered") === "1" };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { t } = requestI18n(request);
  const { next, parsed, refuse, rateLimited } = await readAccountForm(request, LoginFormSchema);
  if (!parsed.success) return refuse(parsed.fieldErrors);
  const result = await context.auth.signIn(parsed.data, context.clientIp);
  if (result.ok) return redirect(next, { headers: { "Set-Cookie": commitSession(result.sessionToken, context) } });
  if (result.reason === "rate-limited") return rateLimited(result.retryAfterSeconds);
  return refuse({ form: t("account.invalidCredentials") }, 401);
}

const FORM_ID = "login";

export default function Login() {
  const { next, registered } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state !== "idle";
  const errors = result?.fieldErrors ?? {};
  const values = result?.values ?? {};
  const formRef = useRef<HTMLFormElement>(null);
  useFocusFirstInvalid(formRef, result);
  // A wrong email/password pair is about both fields: both are marked and point at the message.
  const formErrorId = errors.form ? `${FORM_ID}-form-error` : undefined;
  return (
    <div className="page page-narrow">
      <section className="panel" aria-labelledby="login-heading">
        <h1 id="login-heading">{t("account.signInHeading")}</h1>
        <Form ref={formRef} method="post" className="form-stack" data-testid="login-form" noValidate>
          <CsrfField />
          <input type="hidden" name="next" value={next} />
          {registered && !errors.form && (
            <p className="banner" role="status" data-testid="signup-accepted">
              {t("account.signUpAccepted")}
            </p>
          )}
          {errors.form && (
            <p id={formErrorId} className="banner banner-error" role="alert" data-testid="login-error">
              {errors.form}
            </p>
          )}
          <TextInput
            formId={FORM_ID}
            name="email"
            type="email"
            label={t("account.email")}
            autoComplete="username"
            required
            defaultValue={values.email}
            error={errors.email}
            formErrorId={formErrorId}
          />
          <TextInput
            formId={FORM_ID}
            name="password"
            type="password"
            label={t("account.password")}
            autoComplete="current-password"
            required
            error={errors.password}
            formErrorId={formErrorId}
          />
          <div className="form-actions">
            <button type="submit" className="button button-primary" disabled={busy}>
              {t("account.signIn")}
            </button>
          </div>
        </Form>
        <p className="muted">
          {t("account.noAccount")} <Link to={withNext("/signup", next)}>{t("account.signUpLink")}</Link>
        </p>
      </section>
    </div>
  );
}

export function ErrorBoundary() {
  return <ErrorView />;
}
