/**
 * CSRF protection by double submit: a random token in an HttpOnly cookie and
 * the same token in a hidden `csrf` field of every form (rendered from the
 * root loader). A cross-site page can make the browser send the cookie but
 * cannot read it, so it cannot fill the field.
 */
import { randomBytes, timingSafeEqual } from "node:crypto";
import { data, type AppLoadContext } from "@remix-run/node";
import { requestI18n } from "../i18n/request-locale.server";
import { CSRF_COOKIE, CSRF_FIELD, readCookie, serializeCookie } from "../../core/cookies";
import { nulFormField } from "./nul-field";

const CSRF_MAX_AGE_SECONDS = 30 * 24 * 60 * 60;
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export function newCsrfToken(): string {
  return randomBytes(32).toString("base64url");
}

/** Constant-time comparison; false for anything that is not a well-formed token. */
export function csrfTokensMatch(cookieToken: string | null | undefined, formToken: unknown): boolean {
  if (typeof cookieToken !== "string" || typeof formToken !== "string") return false;
  if (!TOKEN_PATTERN.test(cookieToken) || !TOKEN_PATTERN.test(formToken)) return false;
  return timingSafeEqual(Buffer.from(cookieToken), Buffer.from(formToken));
}

/** The request's CSRF token, and a Set-Cookie header when it had none (issued by the root loader). */
export function ensureCsrfToken(
  request: Request,
  context: Pick<AppLoadContext, "secureCookies">,
): { token: string; setCookie: string | null } {
  const existing = readCookie(request.headers.get("Cookie"), CSRF_COOKIE);
  if (existing && TOKEN_PATTERN.test(existing)) return { token: existing, setCookie: null };
  const token = newCsrfToken();
  return {
    token,
    setCookie: serializeCookie(CSRF_COOKIE, token, { maxAge: CSRF_MAX_AGE_SECONDS, secure: context.secureCookies }),
  };
}

/**
 * The largest form body an action reads (the largest real form, a comment or
 * an import's instrument list, is far smaller). Larger bodies answer 413 and
 * no more than this is kept in memory; file uploads go through import.server.ts.
 */
export const MAX_FORM_BYTES = 1024 * 1024;

/**
 * The body as form data: 413 above MAX_FORM_BYTES, 400 when it is not a
 * urlencoded or multipart form. Bytes past the limit are read and dropped,
 * never kept: answering before the body is consumed would stall the
 * keep-alive connection it came on (the stream that carries it stops reading).
 */
async function readFormBody(request: Request): Promise<FormData> {
  const { t } = requestI18n(request);
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = request.body?.getReader();
  for (let chunk = await reader?.read(); chunk && !chunk.done; chunk = await reader?.read()) {
    size += chunk.value.byteLength;
    if (size <= MAX_FORM_BYTES) chunks.push(chunk.value);
  }
  if (size > MAX_FORM_BYTES)
    throw data(t("errors.tooLarge", { max: t("versionImport.maxSize", { size: MAX_FORM_BYTES / 1024 / 1024 }) }), {
      status: 413,
    });
  try {
    return await new Response(new Uint8Array(Buffer.concat(chunks)), {
      headers: { "Content-Type": request.headers.get("Content-Type") ?? "" },
    }).formData();
  } catch {
    throw data(t("forms.badRequest"), { status: 400 });
  }
}

/**
 * U+0000 in any field: 422 naming the field, before anything is written. PostgreSQL text cannot store it (the
 * write would fail half-way with a 500 on one provider only), and no legitimate form input contains it.
 */
function refuseNul(formData: FormData, request: Request): void {
  const name = nulFormField(formData);
  if (name !== null)
    throw Response.json({ fieldErrors: { [name]: requestI18n(request).t("forms.nulCharacter") } }, { status: 422 });
}

/** Every action starts here: the form data, or a 403 when the token is missing or does not match (413/400 for an oversized or unreadable body). */
export async function readFormWithCsrf(request: Request): Promise<FormData> {
  const formData = await readFormBody(request);
  refuseNul(formData, request);
  if (!csrfTokensMatch(readCookie(request.headers.get("Cookie"), CSRF_COOKIE), formData.get(CSRF_FIELD))) {
    throw data(requestI18n(request).t("errors.csrf"), { status: 403 });
  }
  return formData;
}
