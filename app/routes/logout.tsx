/** POST /logout: ends this session (a resource route: GET is not allowed). */
import { requestI18n } from "~/i18n/request-locale.server";
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { readFormWithCsrf } from "~/lib/csrf.server";
import { destroySession, readSessionToken } from "~/lib/session.server";

export function loader({ request }: LoaderFunctionArgs) {
  const { t } = requestI18n(request);
  return new Response(t("errors.methodNotAllowed"), {
    status: 405,
    headers: { Allow: "POST", "Content-Type": "text/plain; charset=utf-8" },
  });
}

export async function action({ request, context }: ActionFunctionArgs) {
  await readFormWithCsrf(request);
  const token = readSessionToken(request);
  if (token) await context.auth.signOut(token);
  return redirect("/login", { headers: { "Set-Cookie": destroySession(context) } });
}
