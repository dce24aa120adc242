/** zod schemas of the sign-up and sign-in forms (the auth service validates again). */
import { z } from "zod";
import { t } from "../i18n";

export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 200;
export const DISPLAY_NAME_MAX = 80;

const email = z
  .string({ error: t("account.emailRequired") })
  .trim()
  .min(1, t("account.emailRequired"))
  .max(254, t("forms.tooLong", { max: 254 }))
  .pipe(z.email({ error: t("account.emailInvalid") }));

export const SignUpFormSchema = z.object({
  email,
  password: z
    .string({ error: t("account.passwordTooShort", { min: PASSWORD_MIN }) })
    .min(PASSWORD_MIN, t("account.passwordTooShort", { min: PASSWORD_MIN }))
    .max(PASSWORD_MAX, t("forms.tooLong", { max: PASSWORD_MAX })),
  displayName: z
    .string({ error: t("forms.nameRequired") })
    .trim()
    .min(1, t("forms.nameRequired"))
    .max(DISPLAY_NAME_MAX, t("forms.tooLong", { max: DISPLAY_NAME_MAX })),
  delegationCode: z
    .string({ error: t("account.delegationRequired") })
    .trim()
    .min(1, t("account.delegationRequired"))
    .max(16),
});

export const LoginFormSchema = z.object({
  email: z
    .string({ error: t("account.emailRequired") })
    .trim()
    .min(1, t("account.emailRequired"))
    .max(254),
  password: z
    .string({ error: t("account.passwordRequired") })
    .min(1, t("account.passwordRequired"))
    .max(PASSWORD_MAX),
});

/** Whole minutes to wait, at least one. */
export function minutesToWait(retryAfterSeconds: number): number {
  return Math.max(1, Math.ceil(retryAfterSeconds / 60));
}
