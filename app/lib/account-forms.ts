/** zod schemas of the sign-up and sign-in forms (the auth service validates again). */
import { z } from "zod";
import { t, type MessageKey } from "../i18n";

/** Same numbers as server/auth/password-policy.ts (which also refuses common and personal passwords). */
export const PASSWORD_MIN = 12;
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

/** "Try again in 8 seconds" under a minute (sign-in back-offs are short), in minutes above. */
export function rateLimitMessage(retryAfterSeconds: number): string {
  if (retryAfterSeconds < 60) return t("account.rateLimitedSeconds", { seconds: Math.max(1, retryAfterSeconds) });
  const minutes = minutesToWait(retryAfterSeconds);
  return minutes === 1 ? t("account.rateLimitedOne") : t("account.rateLimited", { minutes });
}

/** Server field errors may be message keys ("account.passwordTooCommon"): translated here, other text kept. */
export function translateFieldErrors(errors: Partial<Record<string, string>>): Record<string, string> {
  const params = { min: PASSWORD_MIN, max: PASSWORD_MAX };
  return Object.fromEntries(
    Object.entries(errors).map(([field, message]) => [
      field,
      message && /^[a-z]+\.[A-Za-z]+$/.test(message) ? t(message as MessageKey, params) : (message ?? ""),
    ]),
  );
}
