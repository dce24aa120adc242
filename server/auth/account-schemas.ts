import { z } from "zod";

export const EmailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email({ message: "Enter a valid email address" }))
  .pipe(z.string().max(254));
export const PasswordSchema = z.string().min(10, "Use at least 10 characters").max(200, "Use at most 200 characters");
export const DisplayNameSchema = z.string().trim().min(1, "Enter your name").max(80, "Use at most 80 characters");

export const SignUpSchema = z.object({
  email: EmailSchema,
  password: PasswordSchema,
  displayName: DisplayNameSchema,
  delegationCode: z.string().trim().min(1, "Choose your delegation").max(16),
});

export const SignInSchema = z.object({
  email: z.string().trim().toLowerCase().max(254),
  password: z.string().max(200),
});

/** zod issues → { field: first message }. */
export function fieldErrorsOf(error: z.ZodError): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? "form");
    errors[field] ??= issue.message;
  }
  return errors;
}
