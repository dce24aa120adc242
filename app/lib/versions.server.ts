/**
 * Server-only helpers of the versions, export and import routes: the one
 * place that reads `context.versions`, and the export download response.
 */
import { data, type AppLoadContext, type LoaderFunctionArgs } from "@remix-run/node";
import { createI18n, ref } from "~/i18n";
import type { Locale } from "../../core/locale";
import { notFound, requireBoardAccess, withAccessErrors } from "./board-access.server";
import type { MatrixSnapshot } from "../../core/matrix-snapshot";
import { requireUser } from "./session.server";
import { requestLocale } from "~/i18n/request-locale.server";
import type { VersionServices } from "../../core/version-contract";
import type { ExportFormat } from "../../core/version-contract";
import { DiffQuerySchema } from "./version-forms";
import { isFileJobRefusal, type FileJobRefusal } from "../../core/file-jobs";

/** 503 (or 422) naming the limit, plain text like the other export errors. */
export function fileJobRefusedResponse(error: FileJobRefusal, locale: Locale = "en"): Response {
  return new Response(createI18n(locale).t("versionExport.refused", { limit: error.limit }), {
    status: error.status,
    headers: {
      "Content-Type": "text/plain; charset=utf-8",
      "Cache-Control": "no-store",
      "X-Remit-Limit": error.limit,
      ...(error.retryAfterSeconds ? { "Retry-After": String(error.retryAfterSeconds) } : {}),
    },
  });
}

/** `context.versions` (wired by server/remit-server.ts). */
export function getVersionServices(context: AppLoadContext): VersionServices {
  return context.versions;
}

/** The export as an attachment download: the file name says board, version or draft, and date. */
export async function exportResponse(
  context: AppLoadContext,
  snapshot: MatrixSnapshot,
  format: ExportFormat,
  exportedAt: Date,
  locale: Locale = "en",
): Promise<Response> {
  const date = snapshot.version ? new Date(snapshot.version.publishedAt) : exportedAt;
  let file;
  try {
    file = await context.files.exportMatrix(format, snapshot, date, locale);
  } catch (error) {
    // Over the pool's time or memory budget, or the pool is full: say which limit, never a bare 500.
    if (!isFileJobRefusal(error)) throw error;
    return fileJobRefusedResponse(error, locale);
  }
  return new Response(new Uint8Array(file.body), {
    headers: {
      "Content-Type": file.contentType,
      "Content-Disposition": `attachment; filename="${file.fileName}"`,
      "Content-Length": String(file.body.length),
      "X-Remit-Fingerprint": file.fingerprint,
      "Content-Language": locale,
      "Cache-Control": "private, no-store",
    },
  });
}

/** The diff named by ?from=&to= (400 when malformed, 404 when a version does not exist or the board is not visible). */
/**
 * With `worded`, the snapshots are worded for the reader (I18N-14, the diff page); without, as stored (the JSON
 * diff, which is data like the JSON export).
 */
export async function requireDiff(
  { request, params, context }: Pick<LoaderFunctionArgs, "request" | "params" | "context">,
  { worded = false }: { worded?: boolean } = {},
) {
  const user = await requireUser(request, context);
  const { board } = await requireBoardAccess(context, params.boardId, user.id);
  const query = DiffQuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!query.success) throw data(ref("forms.badRequest"), { status: 400 });
  const diff = await withAccessErrors(() =>
    getVersionServices(context).diff(user.id, board.id, query.data.from, query.data.to, {
      locale: worded ? requestLocale(request, user.locale) : undefined,
    }),
  );
  if (!diff) notFound();
  return { board: { id: board.id, title: board.title }, diff };
}
