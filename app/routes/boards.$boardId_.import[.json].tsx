/**
 * POST /boards/:id/import.json — the import API used by the import panel
 * (JSON in, JSON out; delegates and the chair only):
 *   multipart/form-data (csrf, intent=preview, file ≤ 5 MiB) → the preview
 *     with per-row errors (413 when the file is too large);
 *   form or multipart (csrf, intent=create-instruments, instruments=[…]) → { idMap }.
 * The rows themselves are applied by the browser to its live document.
 */
import { requestI18n } from "~/i18n/request-locale.server";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { requireBoardAccess } from "~/lib/board-access.server";
import { readFormWithCsrf } from "~/lib/csrf.server";
import { createImportedInstruments, previewUpload } from "~/lib/import.server";
import { inLanguage } from "~/lib/in-language.server";
import { ROLE_CAN } from "../../core/roles";
import { requireUser } from "~/lib/session.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const { t } = requestI18n(request);
  throw data(t("errors.methodNotAllowed"), { status: 405, headers: { Allow: "POST" } });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireUser(request, context);
  // The account's language first, then the cookie and Accept-Language (decision 014).
  const reader = requestI18n(request, user.locale);
  const { t } = reader;
  const { board } = await requireBoardAccess(context, params.boardId, user.id, { may: ROLE_CAN.edit, to: "edit" });
  if (board.archivedAt) throw data(t("errors.forbidden"), { status: 403 });
  if ((request.headers.get("Content-Type") ?? "").startsWith("multipart/form-data")) {
    return inLanguage(await previewUpload(request, board.id, context.services, context.files), reader);
  }
  const formData = await readFormWithCsrf(request);
  return inLanguage(await createImportedInstruments(formData, board.id, context.services), reader);
}
