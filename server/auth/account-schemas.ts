import * as z from "zod";
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "./password-policy";
import { asMessageRef, messageRef, type MessageRef } from "../../core/message-ref";

export const EmailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email({ message: messageRef("account.emailInvalid") }))
  .pipe(z.string().max(254));
// Length only here (messages are i18n keys); the rest of the policy (common passwords, email or name) is
// password-policy.ts, which counts code points: this first check counts UTF-16 units, never stricter.
export const PasswordSchema = z
  .string()
  .min(PASSWORD_MIN_LENGTH, messageRef("account.passwordTooShort"))
  .max(PASSWORD_MAX_LENGTH * 2, messageRef("account.passwordTooLong"));
const DisplayNameSchema = z
  .string()
  .trim()
  .min(1, messageRef("forms.nameRequired"))
  .max(80, messageRef("forms.tooLong", { max: 80 }));

export const SignUpSchema = z.object({
  email: EmailSchema,
  password: PasswordSchema,
  displayName: DisplayNameSchema,
  delegationCode: z.string().trim().min(1, messageRef("account.delegationRequired")).max(16),
});

export const SignInSchema = z.object({
  email: z.string().trim().toLowerCase().max(254),
  password: z.string().max(200),
});

/** A zod issue's message: the ref its schema wrote, or a generic one for zod's own (English) defaults. */
export function issueMessage(issue: { message: string }): MessageRef {
  return asMessageRef(issue.message, messageRef("serviceErrors.invalidValue"));
}

/** zod issues → { field: first message }. */
export function fieldErrorsOf(error: z.ZodError): Record<string, MessageRef> {
  const errors: Record<string, MessageRef> = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? "form");
    errors[field] ??= issueMessage(issue);
  }
  return errors;
}
