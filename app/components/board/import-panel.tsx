/**
 * Import threats from a CSV, XLSX or Remit JSON file into the live board.
 * 1. The file goes to /boards/:id/import.json, which answers a preview with
 *    every row's errors; nothing is stored.
 * 2. On "Import", custom instruments the rows link are created on the server
 *    first, and the rows' instrument ids are replaced with the new ones.
 * 3. The rows are added to this browser's live document in ONE transaction:
 *    they reach everyone at once and Ctrl+Z takes the whole import back.
 */
import { useRevalidator } from "@remix-run/react";
import { useEffect, useId, useRef, useState, type FormEvent } from "react";
import type * as Y from "yjs";
import { formatNumber, t, tMessage } from "~/i18n";
import { appendRows, getRowsType, type NewRowInput } from "../../../core/board-doc";
import { CSRF_FIELD } from "../../../core/cookies";
import {
  instrumentsNeeded,
  rowsToApply,
  type ImportApiResponse,
  type ImportPreview,
} from "../../../core/import-contract";
import { CREATE_INSTRUMENTS_INTENT, PREVIEW_INTENT } from "~/lib/version-forms";
import { MAX_IMPORT_BYTES } from "../../../core/import-contract";
import type { InstrumentInfo } from "../../../core/services";
import { useCsrfToken } from "../csrf-field";
import { failureMessage } from "~/lib/keep-input";
import { ImportPreviewTable } from "./import-preview-table";

interface ImportPanelProps {
  /** The board page's live document (null until connected). */
  doc: Y.Doc | null;
  boardId: string;
  instruments: readonly InstrumentInfo[];
  canEdit: boolean;
  /** The page's undo manager: the import is cut off from neighbouring edits so it undoes on its own. */
  undoManager?: Y.UndoManager | null;
  /** Called with the new row ids after an import. */
  onImported?: (rowIds: string[]) => void;
}

const MAX_MIB = MAX_IMPORT_BYTES / 1024 / 1024;

type Phase =
  | { step: "idle" }
  | { step: "checking" }
  | { step: "applying" }
  | { step: "done"; count: number; ids: string[] }
  | { step: "undone"; count: number; ids: string[] }
  | { step: "failed"; message: string; aboutFile?: boolean };

async function postImport(boardId: string, body: FormData): Promise<ImportApiResponse> {
  const response = await fetch(`/boards/${boardId}/import.json`, { method: "POST", body, credentials: "same-origin" });
  const type = response.headers.get("Content-Type") ?? "";
  if (!type.includes("application/json"))
    return { ok: false, message: t("errors.status", { status: response.status }) };
  return (await response.json()) as ImportApiResponse;
}

export function ImportPanel({ doc, boardId, instruments, canEdit, undoManager, onImported }: ImportPanelProps) {
  const id = useId();
  const csrf = useCsrfToken();
  const revalidator = useRevalidator();
  const formRef = useRef<HTMLFormElement>(null);
  const statusRef = useRef<HTMLParagraphElement>(null);
  const fileRef = useRef<HTMLInputElement>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [phase, setPhase] = useState<Phase>({ step: "idle" });

  // After "Undo the import" (or Ctrl+Z) the imported rows are gone: the status must say so, and say
  // "Imported" again after a redo. Watching the rows themselves covers every way they leave or return.
  const importedIds = phase.step === "done" || phase.step === "undone" ? phase.ids : null;
  useEffect(() => {
    if (!doc || !importedIds) return;
    const rows = getRowsType(doc);
    const check = () => {
      const present = importedIds.some((id) => rows.has(id));
      setPhase((current) =>
        current.step === "done" && !present
          ? { ...current, step: "undone" }
          : current.step === "undone" && present
            ? { ...current, step: "done" }
            : current,
      );
    };
    rows.observe(check);
    return () => rows.unobserve(check);
  }, [doc, importedIds]);

  if (!canEdit) return <p className="hint">{t("versionImport.readOnly")}</p>;

  async function check(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const body = new FormData(event.currentTarget);
    const file = body.get("file");
    if (!(file instanceof File) || file.size === 0)
      return setPhase({ step: "failed", message: t("versionImport.noFile"), aboutFile: true });
    setPreview(null);
    setPhase({ step: "checking" });
    try {
      const answer = await postImport(boardId, body);
      if (answer.ok && answer.intent === "preview") {
        setPreview(answer.preview);
        setPhase({ step: "idle" });
      } else setPhase({ step: "failed", message: answer.ok ? t("forms.badRequest") : answer.message, aboutFile: true });
    } catch (error) {
      // The chosen file stays chosen (FORMS-1): only a successful import resets the form.
      setPhase({ step: "failed", message: t(failureMessage(error)) });
    }
  }

  function apply(rows: NewRowInput[]) {
    if (!doc) return setPhase({ step: "failed", message: t("versionImport.notConnected") });
    undoManager?.stopCapturing();
    const ids = appendRows(doc, rows);
    undoManager?.stopCapturing();
    setPreview(null);
    formRef.current?.reset();
    setPhase({ step: "done", count: ids.length, ids });
    onImported?.(ids);
    // The import buttons are gone with the preview: focus the result, which says how to undo.
    requestAnimationFrame(() => statusRef.current?.focus());
  }

  async function importRows(current: ImportPreview) {
    if (!doc) return setPhase({ step: "failed", message: t("versionImport.notConnected") });
    const needed = instrumentsNeeded(current, rowsToApply(current));
    setPhase({ step: "applying" });
    if (needed.length === 0) return apply(rowsToApply(current));
    const body = new FormData();
    body.set(CSRF_FIELD, csrf);
    body.set("intent", CREATE_INSTRUMENTS_INTENT);
    body.set("instruments", JSON.stringify(needed));
    try {
      const answer = await postImport(boardId, body);
      if (!answer.ok || answer.intent !== "create-instruments")
        return setPhase({ step: "failed", message: t("versionImport.instrumentsFailed") });
      revalidator.revalidate(); // the page's instrument list now has the new custom instruments
      apply(rowsToApply(current, answer.idMap));
    } catch (error) {
      setPhase({ step: "failed", message: t(failureMessage(error)) });
    }
  }

  function startAgain() {
    setPreview(null);
    setPhase({ step: "idle" });
    formRef.current?.reset();
    fileRef.current?.focus();
  }

  const validCount = preview ? rowsToApply(preview).length : 0;
  const busy = phase.step === "checking" || phase.step === "applying";
  const fileInvalid = phase.step === "failed" && phase.aboutFile === true;
  return (
    <section className="panel import-panel" aria-labelledby={`${id}-heading`} data-native-undo>
      <h2 id={`${id}-heading`}>{t("versionImport.heading")}</h2>
      <p id={`${id}-intro`} className="hint">
        {t("versionImport.intro", { max: t("versionImport.maxSize", { size: formatNumber(MAX_MIB) }) })}
      </p>
      <form
        ref={formRef}
        method="post"
        encType="multipart/form-data"
        action={`/boards/${boardId}/import.json`}
        onSubmit={(event) => void check(event)}
        className="inline-form"
      >
        <input type="hidden" name={CSRF_FIELD} value={csrf} />
        <input type="hidden" name="intent" value={PREVIEW_INTENT} />
        <div className="form-field">
          <label htmlFor={`${id}-file`}>{t("versionImport.file")}</label>
          {/* A failed check is about the file: the field is marked and points at the message (and at the limits). */}
          <input
            ref={fileRef}
            id={`${id}-file`}
            name="file"
            type="file"
            accept=".csv,.xlsx,.json,text/csv,application/json,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            required
            aria-invalid={fileInvalid || undefined}
            aria-describedby={fileInvalid ? `${id}-status ${id}-intro` : `${id}-intro`}
          />
        </div>
        <button type="submit" className="button" disabled={busy}>
          {t("versionImport.upload")}
        </button>
      </form>
      <p
        id={`${id}-status`}
        ref={statusRef}
        tabIndex={-1}
        className={`import-status import-status-${phase.step}`}
        role="status"
        aria-live="polite"
        data-testid="import-status"
      >
        {busy && <span className="spinner" aria-hidden="true" />}
        {phase.step === "checking" && t("versionImport.checking")}
        {phase.step === "applying" && t("versionImport.applying")}
        {phase.step === "done" && t("versionImport.applied", { count: phase.count })}
        {phase.step === "undone" && t("versionImport.undone", { count: phase.count })}
        {phase.step === "failed" && <span className="field-error">{tMessage(phase.message)}</span>}
        {/* The preview appears below: say what it found (visible there as well). */}
        {phase.step === "idle" && preview && (
          <span className="visually-hidden">
            {t("versionImport.validCount", { valid: validCount, total: preview.rows.length })}
          </span>
        )}
      </p>
      {preview && (
        <>
          <ImportPreviewTable preview={preview} instruments={instruments} />
          <div className="form-actions">
            <button
              type="button"
              className="button button-primary"
              disabled={!preview.valid || busy}
              aria-describedby={preview.valid ? undefined : `${id}-all-hint`}
              onClick={() => void importRows(preview)}
            >
              {t("versionImport.importAll", { count: preview.rows.length })}
            </button>
            {!preview.valid && validCount > 0 && (
              <button type="button" className="button" disabled={busy} onClick={() => void importRows(preview)}>
                {t("versionImport.importValid", { count: validCount })}
              </button>
            )}
            <button type="button" className="link-button" onClick={startAgain}>
              {t("versionImport.cancel")}
            </button>
          </div>
          {!preview.valid && (
            <p id={`${id}-all-hint`} className="hint">
              {t("versionImport.importAllDisabled")}
            </p>
          )}
        </>
      )}
    </section>
  );
}
