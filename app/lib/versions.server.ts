/**
 * Server-only helpers of the versions, export and import routes: the one
 * place that reads `context.versions`, and the calls into server/export and
 * server/import (kept out of the browser bundle by the .server suffix).
 */
import { data, type AppLoadContext, type LoaderFunctionArgs } from "@remix-run/node";
import { t } from "~/i18n";
import { notFound, requireBoardAccess, withAccessErrors } from "./board-access.server";
import type { MatrixSnapshot } from "./matrix-snapshot";
import { requireUser } from "./session.server";
import type { VersionServices } from "./version-contract";
import { DiffQuerySchema, type ExportFormatId } from "./version-forms";
import { exportFileName, exportMatrix } from "../../server/export/index";
import { importMatrixFile, MAX_IMPORT_BYTES, type ImportResult } from "../../server/import/index";

/** `context.versions` (wired by server/remit-server.ts). */
export function getVersionServices(context: AppLoadContext): VersionServices {
  return context.versions;
}

/** The export as an attachment download: the file name says board, version or draft, and date. */
export async function exportResponse(snapshot: MatrixSnapshot, format: ExportFormatId, exportedAt: Date): Promise<Response> {
  const file = await exportMatrix(format, snapshot);
  const date = snapshot.version ? new Date(snapshot.version.publishedAt) : exportedAt;
  return new Response(new Uint8Array(file.body), {
    headers: {
      "Content-Type": file.contentType,
      "Content-Disposition": `attachment; filename="${exportFileName(snapshot, file.extension, date)}"`,
      "Content-Length": String(file.body.length),
      "X-Remit-Fingerprint": file.fingerprint,
      "Cache-Control": "private, no-store",
    },
  });
}

export { MAX_IMPORT_BYTES };

export function previewImport(data: Buffer, instruments: ReadonlyArray<{ id: string; name: string }>): Promise<ImportResult> {
  return importMatrixFile(data, { instruments });
}

/** The diff named by ?from=&to= (400 when malformed, 404 when a version does not exist or the board is not visible). */
export async function requireDiff({ request, params, context }: Pick<LoaderFunctionArgs, "request" | "params" | "context">) {
  const user = await requireUser(request, context);
  const { board } = await requireBoardAccess(context, params.boardId, user.id);
  const query = DiffQuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!query.success) throw data(t("forms.badRequest"), { status: 400 });
  const diff = await withAccessErrors(() => getVersionServices(context).diff(user.id, board.id, query.data.from, query.data.to));
  if (!diff) notFound();
  return { board: { id: board.id, title: board.title }, diff };
}
