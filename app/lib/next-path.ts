/**
 * Where to go after signing in: only same-site paths, so a crafted link
 * (`/login?next=//evil.example`) cannot send someone to another site.
 */
import * as z from "../../core/zod";

/** A path starting with exactly one "/" (no "//host", no backslashes, no whitespace or control characters). */
export const NextPathSchema = z
  .string()
  .max(500)
  .regex(/^\/(?![/\\])[^\s\\]*$/)
  .refine((path) => ![...path].some((char) => char.charCodeAt(0) < 0x20 || char.charCodeAt(0) === 0x7f));

/** The validated path, or `fallback` when absent or unsafe. */
export function safeNextPath(value: unknown, fallback = "/"): string {
  const parsed = NextPathSchema.safeParse(value);
  return parsed.success ? parsed.data : fallback;
}

/** The current page as a `next` value (path + query). */
export function pathOf(url: URL): string {
  return url.pathname + url.search;
}

/** `/login` or `/signup` with a return path, omitted when it would be the home page. */
export function withNext(page: "/login" | "/signup", next: string | null | undefined): string {
  const safe = safeNextPath(next, "");
  return safe && safe !== "/" ? `${page}?next=${encodeURIComponent(safe)}` : page;
}
