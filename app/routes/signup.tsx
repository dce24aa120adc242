import { requestI18n } from "~/i18n/request-locale.server";
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useRef } from "react";
import { DelegationSelect } from "~/components/account/delegation-select";
import { TextInput } from "~/components/account/text-input";
import { CsrfField } from "~/components/csrf-field";
import { ErrorView } from "~/components/error-view";
import { FieldError } from "~/components/field-error";
import { useFocusFirstInvalid } from "~/hooks/use-focus-invalid";
import { t } from "~/i18n";
import { DISPLAY_NAME_MAX, PASSWORD_MIN, SignUpFormSchema, translateFieldErrors } from "~/lib/account-forms";
import { readAccountForm, requireSignedOut } from "~/lib/account-route.server";
import type { FieldErrors } from "~/lib/board-forms";
import { withNext } from "~/lib/next-path";

export const meta: MetaFunction = () => [{ title: t("account.signUpMetaTitle") }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const next = await requireSignedOut(request, context);
  return { next, delegations: await context.auth.listDelegations() };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { t } = requestI18n(request);
  const { next, parsed, refuse, rateLimited } = await readAccountForm(request, SignUpFormSchema);
  if (!parsed.success) return refuse(parsed.fieldErrors);
  const delegations = await context.auth.listDelegations();
  if (!delegations.some((d) => d.code === parsed.data.delegationCode))
    return refuse({ delegationCode: t("account.delegationUnknown") });
  const result = await context.auth.signUp(parsed.data, context.clientIp);
  if (result.ok) return redirect(`${withNext("/login", next)}${next === "/" ? "?" : "&"}registered=1`);
  if ("reason" in result) return rateLimited(result.retryAfterSeconds);
  return refuse(translateFieldErrors(result.fieldErrors));
}

const FORM_ID = "signup";

export default function SignUp() {
  const { next, delegations } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state !== "idle";
  const errors: FieldErrors = result?.fieldErrors ?? {};
  const values: Record<string, string> = result?.values ?? {};
  const formRef = useRef<HTMLFormElement>(null);
  useFocusFirstInvalid(formRef, result);
  return (
    <div className="page page-narrow">
      <section className="panel" aria-labelledby="signup-heading">
        <h1 id="signup-heading">{t("account.signUpHeading")}</h1>
        <p className="muted">{t("account.signUpIntro")}</p>
        <Form ref={formRef} method="post" className="form-stack" data-testid="signup-form" noValidate>
          <CsrfField />
          <input type="hidden" name="next" value={next} />
          <TextInput
            formId={FORM_ID}
            name="email"
            type="email"
            label={t("account.email")}
            autoComplete="email"
            required
            defaultValue={values.email}
            error={errors.email}
          />
          <TextInput
            formId={FORM_ID}
            name="password"
            type="password"
            label={t("account.password")}
            autoComplete="new-password"
            required
            minLength={PASSWORD_MIN}
            hint={t("account.passwordHint", { min: PASSWORD_MIN })}
            error={errors.password}
          />
          <TextInput
            formId={FORM_ID}
            name="displayName"
            label={t("account.displayName")}
            autoComplete="name"
            required
            maxLength={DISPLAY_NAME_MAX}
            defaultValue={values.displayName}
            error={errors.displayName}
          />
          <DelegationSelect
            formId={FORM_ID}
            delegations={delegations}
            defaultValue={values.delegationCode}
            error={errors.delegationCode}
          />
          <FieldError formId={FORM_ID} field="form" message={errors.form} alert />
          <div className="form-actions">
            <button type="submit" className="button button-primary" disabled={busy}>
              {t("account.signUp")}
            </button>
          </div>
        </Form>
        <p className="muted">
          {t("account.haveAccount")} <Link to={withNext("/login", next)}>{t("account.signInLink")}</Link>
        </p>
      </section>
    </div>
  );
}

export function ErrorBoundary() {
  return <ErrorView />;
}
