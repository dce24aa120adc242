/**
 * GET /boards/:id/export?format=csv|xlsx|json|md|pdf&version=N|live&rows=agreed|all&lang=en|fr
 * The file as an attachment. version=live (the default) exports the live
 * board marked DRAFT; rows=agreed keeps only agreed threats of the live board.
 * A version is always exported whole, as published, so its fingerprint is the
 * one on record. `lang` is the language of the file's words (default: the
 * person's language); the file records it. Members only (404 otherwise).
 */
import { requestI18n, requestLocale } from "~/i18n/request-locale.server";
import { data, type LoaderFunctionArgs } from "@remix-run/node";
import { notFound, requireBoardAccess, withAccessErrors } from "~/lib/board-access.server";
import { requireUser } from "~/lib/session.server";
import { ExportQuerySchema } from "~/lib/version-forms";
import { exportResponse, getVersionServices } from "~/lib/versions.server";

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { t } = requestI18n(request);
  const user = await requireUser(request, context);
  const { board } = await requireBoardAccess(context, params.boardId, user.id);
  const query = ExportQuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!query.success) throw data(t("forms.badRequest"), { status: 400 });
  const { format, version, rows, lang } = query.data;
  if (version !== "live" && rows !== "all") throw data(t("versionExport.wholeVersion"), { status: 400 });
  const snapshot = await withAccessErrors(() =>
    getVersionServices(context).getSnapshot(user.id, board.id, version, { rows }),
  );
  if (!snapshot) notFound();
  return exportResponse(context, snapshot, format, new Date(), lang ?? requestLocale(request, user.locale));
}
