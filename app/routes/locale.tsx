/**
 * POST /locale: the header's language switch. Remembers the choice in a cookie
 * (visitors too) and, for a signed-in person, in their account; then back to the page.
 */
import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import * as z from "../../core/zod";
import { LocaleSchema } from "../../core/locale";
import { localeCookie, requestI18n } from "~/i18n/request-locale.server";
import { readFormWithCsrf } from "~/lib/csrf.server";
import { safeNextPath } from "~/lib/next-path";
import { getCurrentUser } from "~/lib/session.server";

const LocaleForm = z.object({ locale: LocaleSchema, next: z.string().optional() });

export function loader({ request }: ActionFunctionArgs) {
  return new Response(requestI18n(request).t("errors.methodNotAllowed"), {
    status: 405,
    headers: { Allow: "POST", "Content-Type": "text/plain; charset=utf-8" },
  });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const form = LocaleForm.safeParse(Object.fromEntries(await readFormWithCsrf(request)));
  if (!form.success) {
    return new Response(requestI18n(request).t("forms.badRequest"), {
      status: 400,
      headers: { "Content-Type": "text/plain; charset=utf-8" },
    });
  }
  const user = await getCurrentUser(request, context);
  if (user) await context.auth.setLocale(user.id, form.data.locale);
  return redirect(safeNextPath(form.data.next), {
    headers: { "Set-Cookie": localeCookie(form.data.locale, context.secureCookies) },
  });
}
