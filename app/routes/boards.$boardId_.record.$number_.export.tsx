/**
 * GET /boards/:id/record/:number/export?format=md|pdf|docx&lang=en|fr
 * The meeting record as an attachment, rendered in the file worker pool,
 * labelled in `lang` (default: the person's language). Members only (404).
 */
import { data, type LoaderFunctionArgs } from "@remix-run/node";
import { requestI18n, requestLocale } from "~/i18n/request-locale.server";
import { notFound, requireBoardAccess, withAccessErrors } from "~/lib/board-access.server";
import { RecordExportQuerySchema, RecordNumberSchema } from "~/lib/record-forms";
import { requireUser } from "~/lib/session.server";
import { fileJobRefusedResponse } from "~/lib/versions.server";
import { isFileJobRefusal } from "../../core/file-jobs";

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { t } = requestI18n(request);
  const user = await requireUser(request, context);
  const { board } = await requireBoardAccess(context, params.boardId, user.id);
  const number = RecordNumberSchema.safeParse(params.number);
  if (!number.success) notFound();
  const query = RecordExportQuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!query.success) throw data(t("forms.badRequest"), { status: 400 });
  const locale = query.data.lang ?? requestLocale(request, user.locale);
  let file;
  try {
    file = await withAccessErrors(() =>
      context.record.exportRecord(user.id, board.id, number.data, query.data.format, locale),
    );
  } catch (error) {
    if (!isFileJobRefusal(error)) throw error;
    return fileJobRefusedResponse(error, locale);
  }
  if (!file) notFound();
  return new Response(new Uint8Array(file.body), {
    headers: {
      "Content-Type": file.contentType,
      "Content-Disposition": `attachment; filename="${file.fileName}"`,
      "Content-Length": String(file.body.length),
      ...(file.fingerprint ? { "X-Remit-Fingerprint": file.fingerprint } : {}),
      "Content-Language": locale,
      "Cache-Control": "private, no-store",
    },
  });
}
