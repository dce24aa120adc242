/**
 * The server half of an import: read the upload (5 MiB cap → 413), check the
 * CSRF token, run the importer, and create the file's custom instruments.
 * The server never writes the board's Yjs document: the browser applies the
 * validated rows to its live document, so they are one undoable change.
 */
import {
  MaxPartSizeExceededError,
  unstable_createMemoryUploadHandler,
  unstable_parseMultipartFormData,
  type UploadHandler,
} from "@remix-run/node";
import { ref } from "~/i18n";
import { MAX_IMPORT_BYTES } from "../../core/import-contract";
import type { MatrixFileServices, RemitServices } from "../../core/services";
import { CSRF_COOKIE, CSRF_FIELD, readCookie } from "../../core/cookies";
import { csrfTokensMatch } from "./csrf.server";
import type { ImportApiResponse, ImportPreview } from "../../core/import-contract";
import { CREATE_INSTRUMENTS_INTENT, InstrumentsToCreateSchema, PREVIEW_INTENT } from "./version-forms";
import { isFileJobRefusal } from "../../core/file-jobs";
import { IMPORT_CATEGORY_LABELS } from "../../core/category-labels";
import { findNul, nulFormField } from "./nul-field";

/** The preview's parts, and `instruments` for create-instruments sent as multipart (the import panel posts a FormData). */
const ALLOWED_PARTS = new Set(["file", "intent", "instruments", CSRF_FIELD]);
/** Room for the multipart framing and the two small fields around a file at the limit. */
const ENVELOPE_BYTES = 64 * 1024;

const formatMiB = (bytes: number) => ref("versionImport.maxSize", { size: (bytes / 1024 / 1024).toFixed(0) });

class UnexpectedPart extends Error {}

/** Four known parts at most, each within the limit; anything else is refused without buffering it. */
function uploadHandler(): UploadHandler {
  const memory = unstable_createMemoryUploadHandler({ maxPartSize: MAX_IMPORT_BYTES });
  const seen = new Set<string>();
  return async (part) => {
    if (!ALLOWED_PARTS.has(part.name) || seen.has(part.name)) throw new UnexpectedPart(part.name);
    seen.add(part.name);
    return memory(part);
  };
}

const json = (body: ImportApiResponse, status = 200) =>
  Response.json(body, { status, headers: { "Cache-Control": "no-store" } });
const refuse = (status: number, message: string) => json({ ok: false, message }, status);
const tooLarge = () => refuse(413, ref("versionImport.tooLarge", { max: formatMiB(MAX_IMPORT_BYTES) }));

const refuseNul = (field: string) =>
  json({ ok: false, message: ref("forms.nulCharacter"), fieldErrors: { [field]: ref("forms.nulCharacter") } }, 422);

/** A message naming the first row (line and field) or custom instrument of a read file whose text holds a NUL. */
function nulInResult(result: {
  rows: ReadonlyArray<{ line: number; title?: string; value?: object }>;
  instruments: readonly object[];
}): string | null {
  for (const row of result.rows) {
    const field = findNul({ title: row.title, ...row.value });
    if (field !== null) return ref("versionImport.nulInRow", { row: row.line, field });
  }
  const field = findNul(result.instruments);
  return field === null ? null : ref("versionImport.nulInInstrument", { field: field.split(".").slice(1).join(".") });
}

/**
 * multipart/form-data: csrf, intent=preview, file → the preview (nothing is
 * stored); csrf, intent=create-instruments, instruments → as createImportedInstruments.
 */
export async function previewUpload(
  request: Request,
  boardId: string,
  services: Pick<RemitServices, "listInstruments" | "createCustomInstrument">,
  files: MatrixFileServices,
): Promise<Response> {
  if (Number(request.headers.get("Content-Length") ?? 0) > MAX_IMPORT_BYTES + ENVELOPE_BYTES) return tooLarge();
  let formData: FormData;
  try {
    formData = await unstable_parseMultipartFormData(request, uploadHandler());
  } catch (error) {
    if (error instanceof MaxPartSizeExceededError || (error as Error)?.name === "MaxPartSizeExceededError")
      return tooLarge();
    return refuse(400, ref("forms.badRequest"));
  }
  // As for forms (csrf.server.ts): a NUL in any part is 422 naming it, before the token is even looked at.
  const nulPart = nulFormField(formData);
  if (nulPart !== null) return refuseNul(nulPart);
  if (!csrfTokensMatch(readCookie(request.headers.get("Cookie"), CSRF_COOKIE), formData.get(CSRF_FIELD)))
    return refuse(403, ref("errors.csrf"));
  if (formData.get("intent") === CREATE_INSTRUMENTS_INTENT)
    return createImportedInstruments(formData, boardId, services);
  if (formData.get("intent") !== PREVIEW_INTENT) return refuse(400, ref("forms.badRequest"));
  const instruments = await services.listInstruments(boardId);
  const file = formData.get("file");
  if (!(file instanceof Blob) || file.size === 0)
    return json(
      { ok: false, message: ref("versionImport.noFile"), fieldErrors: { file: ref("versionImport.noFile") } },
      422,
    );
  let result;
  try {
    result = await files.readImportFile(new Uint8Array(await file.arrayBuffer()), {
      instruments,
      categoryLabels: IMPORT_CATEGORY_LABELS,
    });
  } catch (error) {
    if (!isFileJobRefusal(error)) throw error;
    return json(
      { ok: false, message: ref("versionImport.refused", { limit: error.limit }), limit: error.limit },
      error.status,
    );
  }
  // Refused whole for a limit (rows, cells, inflated bytes, depth, field length, time, memory): 413/422 naming it.
  if (result.limit)
    return json(
      { ok: false, message: result.errors[0]?.message ?? ref("forms.badRequest"), limit: result.limit.name },
      result.limit.status,
    );
  // A NUL in the file's text would reach the board and then PostgreSQL: the file is refused, naming where it is.
  const nulMessage = nulInResult(result);
  if (nulMessage) return json({ ok: false, message: nulMessage, fieldErrors: { file: nulMessage } }, 422);
  const preview: ImportPreview = {
    fileName: "name" in file && typeof file.name === "string" ? file.name.slice(0, 200) : "",
    format: result.format,
    valid: result.valid,
    errors: result.errors,
    warnings: result.warnings,
    rows: result.rows,
    newInstruments: result.instruments,
  };
  return json({ intent: "preview", ok: true, preview });
}

/** Form fields csrf, intent=create-instruments, instruments (JSON) → file id → new board instrument id. */
export async function createImportedInstruments(
  formData: FormData,
  boardId: string,
  services: Pick<RemitServices, "createCustomInstrument">,
): Promise<Response> {
  if (formData.get("intent") !== CREATE_INSTRUMENTS_INTENT) return refuse(400, ref("forms.badRequest"));
  let raw: unknown = null;
  try {
    raw = JSON.parse(String(formData.get("instruments") ?? ""));
  } catch {
    // reported below as a validation failure
  }
  // JSON spells NUL "\u0000", which the form check cannot see: look again once it is parsed.
  if (findNul(raw) !== null) return refuseNul("instruments");
  const parsed = InstrumentsToCreateSchema.safeParse(raw);
  if (!parsed.success)
    return json(
      { ok: false, message: ref("forms.badRequest"), fieldErrors: { instruments: ref("forms.badRequest") } },
      422,
    );
  const idMap: Record<string, string> = {};
  for (const { id, ...input } of parsed.data) {
    if (idMap[id]) continue;
    idMap[id] = (await services.createCustomInstrument(boardId, input)).id;
  }
  return json({ intent: "create-instruments", ok: true, idMap });
}
