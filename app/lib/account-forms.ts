/** zod schemas of the sign-up and sign-in forms (the auth service validates again). */
import * as z from "../../core/zod";
import { isMessageKey, ref } from "../i18n";

/** Same numbers as server/auth/password-policy.ts (which also refuses common and personal passwords). */
export const PASSWORD_MIN = 12;
const PASSWORD_MAX = 200;
export const DISPLAY_NAME_MAX = 80;

const email = z
  .string({ error: ref("account.emailRequired") })
  .trim()
  .min(1, ref("account.emailRequired"))
  .max(254, ref("forms.tooLong", { max: 254 }))
  .pipe(z.email({ error: ref("account.emailInvalid") }));

export const SignUpFormSchema = z.object({
  email,
  password: z
    .string({ error: ref("account.passwordTooShort", { min: PASSWORD_MIN }) })
    .min(PASSWORD_MIN, ref("account.passwordTooShort", { min: PASSWORD_MIN }))
    .max(PASSWORD_MAX, ref("forms.tooLong", { max: PASSWORD_MAX })),
  displayName: z
    .string({ error: ref("forms.nameRequired") })
    .trim()
    .min(1, ref("forms.nameRequired"))
    .max(DISPLAY_NAME_MAX, ref("forms.tooLong", { max: DISPLAY_NAME_MAX })),
  delegationCode: z
    .string({ error: ref("account.delegationRequired") })
    .trim()
    .min(1, ref("account.delegationRequired"))
    .max(16),
});

export const LoginFormSchema = z.object({
  email: z
    .string({ error: ref("account.emailRequired") })
    .trim()
    .min(1, ref("account.emailRequired"))
    .max(254),
  password: z
    .string({ error: ref("account.passwordRequired") })
    .min(1, ref("account.passwordRequired"))
    .max(PASSWORD_MAX),
});

/** Whole minutes to wait, at least one. */
export function minutesToWait(retryAfterSeconds: number): number {
  return Math.max(1, Math.ceil(retryAfterSeconds / 60));
}

/** "Try again in 8 seconds" under a minute (sign-in back-offs are short), in minutes above. */
export function rateLimitMessage(retryAfterSeconds: number): string {
  // A ref: actions run outside the page's language; FieldError translates it for the reader.
  if (retryAfterSeconds < 60) return ref("account.rateLimitedSeconds", { seconds: Math.max(1, retryAfterSeconds) });
  const minutes = minutesToWait(retryAfterSeconds);
  return minutes === 1 ? ref("account.rateLimitedOne") : ref("account.rateLimited", { minutes });
}

/**
 * Server field errors may be bare message keys ("account.passwordTooCommon"): made refs with the
 * password limits as parameters, translated where they are shown (FieldError, in the reader's language).
 */
export function translateFieldErrors(errors: Partial<Record<string, string>>): Record<string, string> {
  const params = { min: PASSWORD_MIN, max: PASSWORD_MAX };
  return Object.fromEntries(
    Object.entries(errors).map(([field, message]) => [
      field,
      message && isMessageKey(message) ? ref(message, params) : (message ?? ""),
    ]),
  );
}
