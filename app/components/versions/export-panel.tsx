/**
 * Export buttons. Each is a plain download link (works without JavaScript);
 * with JavaScript the file is fetched first so the page can say "Preparing
 * PDF…" (a PDF of a big board takes a moment), then saved from a blob URL.
 */
import { useId, useRef, useState, type MouseEvent } from "react";
import { LOCALES, t, type Locale } from "~/i18n";
import { useLocale } from "~/i18n/locale-context";
import type { SnapshotSource } from "../../../core/version-contract";
import { EXPORT_FORMATS, type ExportFormat } from "../../../core/version-contract";
import { exportHref } from "~/lib/version-forms";

interface Props {
  boardId: string;
  /** Versions to offer besides the live board; omit to export `source` only. */
  versions?: readonly { number: number; title: string }[];
  /** Fixed source (a version page), or the initial choice. */
  source?: SnapshotSource;
}

type Status =
  | { state: "idle" }
  | { state: "preparing"; format: ExportFormat; percent: number | null }
  | { state: "done"; format: ExportFormat; file: string }
  | { state: "failed"; format: ExportFormat; status: number | null };

const formatName = (format: ExportFormat) => t(`versionExport.${format}`);

/** The file name from Content-Disposition (the server sends plain ASCII names). */
function fileNameOf(response: Response, fallback: string): string {
  return /filename="([^"]+)"/.exec(response.headers.get("Content-Disposition") ?? "")?.[1] ?? fallback;
}

async function readWithProgress(response: Response, onProgress: (percent: number) => void): Promise<Blob> {
  const total = Number(response.headers.get("Content-Length"));
  if (!response.body || !total) return response.blob();
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let received = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    received += value.length;
    onProgress(Math.min(100, Math.round((received / total) * 100)));
  }
  return new Blob(chunks as BlobPart[], { type: response.headers.get("Content-Type") ?? "application/octet-stream" });
}

function saveBlob(blob: Blob, fileName: string) {
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoking at once can cancel the download in some browsers.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** What the live region says: the start and the end of a download, not every percent of it. */
function statusText(status: Status): string {
  switch (status.state) {
    case "idle":
      return "";
    case "preparing":
      return t("versionExport.preparing", { format: formatName(status.format) });
    case "done":
      return t("versionExport.done", { format: formatName(status.format), file: status.file });
    case "failed":
      return status.status === null
        ? t("versionExport.failedNetwork", { format: formatName(status.format) })
        : t("versionExport.failed", { format: formatName(status.format), status: status.status });
  }
}

export function ExportPanel({ boardId, versions, source: initialSource = "live" }: Props) {
  const id = useId();
  const [source, setSource] = useState<SnapshotSource>(initialSource);
  const [rows, setRows] = useState<"all" | "agreed">("all");
  // The file's language: the page's by default; a French delegate can send an English file, and back.
  const [language, setLanguage] = useState<Locale>(useLocale());
  const [status, setStatus] = useState<Status>({ state: "idle" });
  const busy = useRef(false);

  async function download(event: MouseEvent<HTMLAnchorElement>, format: ExportFormat) {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    if (busy.current) return;
    busy.current = true;
    const href = event.currentTarget.href;
    setStatus({ state: "preparing", format, percent: null });
    try {
      const response = await fetch(href, { credentials: "same-origin" });
      if (!response.ok) {
        setStatus({ state: "failed", format, status: response.status });
        return;
      }
      // Signed out meanwhile (redirected to the login page): let the browser follow the plain link.
      if (response.redirected || (response.headers.get("Content-Type") ?? "").startsWith("text/html")) {
        setStatus({ state: "idle" });
        window.location.assign(href);
        return;
      }
      const blob = await readWithProgress(response, (percent) => setStatus({ state: "preparing", format, percent }));
      const file = fileNameOf(response, `export.${format}`);
      saveBlob(blob, file);
      setStatus({ state: "done", format, file });
    } catch {
      setStatus({ state: "failed", format, status: null });
    } finally {
      busy.current = false;
    }
  }

  const preparing = status.state === "preparing";
  return (
    <section className="panel export-panel" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t("versionExport.heading")}</h2>
      <p className="hint">{t("versionExport.intro")}</p>
      {versions && (
        <div className="form-field">
          <label htmlFor={`${id}-source`}>{t("versionExport.source")}</label>
          <select
            id={`${id}-source`}
            value={String(source)}
            onChange={(event) => setSource(event.target.value === "live" ? "live" : Number(event.target.value))}
          >
            <option value="live">{t("versionExport.live")}</option>
            {versions.map((version) => (
              <option key={version.number} value={version.number}>
                {t("versionExport.version", { number: version.number, title: version.title })}
              </option>
            ))}
          </select>
        </div>
      )}
      {source === "live" && (
        <fieldset className="inline-choices">
          <legend>{t("versionExport.rows")}</legend>
          {(["all", "agreed"] as const).map((value) => (
            <label key={value}>
              <input
                type="radio"
                name={`${id}-rows`}
                value={value}
                checked={rows === value}
                onChange={() => setRows(value)}
              />{" "}
              {t(value === "all" ? "versionExport.rowsAll" : "versionExport.rowsAgreed")}
            </label>
          ))}
        </fieldset>
      )}
      <div className="form-field">
        <label htmlFor={`${id}-language`}>{t("versionExport.language")}</label>
        <select
          id={`${id}-language`}
          value={language}
          onChange={(event) => setLanguage(event.target.value as Locale)}
          data-testid="export-language"
        >
          {LOCALES.map((option) => (
            <option key={option} value={option} lang={option}>
              {t(`languages.${option}`)}
            </option>
          ))}
        </select>
      </div>
      <ul className="export-buttons">
        {EXPORT_FORMATS.map((format) => (
          <li key={format}>
            <a
              className="button"
              href={exportHref(boardId, format, source, rows, language)}
              download
              aria-disabled={preparing || undefined}
              aria-label={t("versionExport.download", { format: formatName(format) })}
              data-format={format}
              onClick={(event) => void download(event, format)}
            >
              {formatName(format)}
            </a>
          </li>
        ))}
      </ul>
      <div className={`export-status export-status-${status.state}`}>
        {preparing && <span className="spinner" aria-hidden="true" />}
        <p role="status" aria-live="polite" className="export-status-text" data-testid="export-status">
          {statusText(status)}
        </p>
        {/* Progress is shown, not announced (a live region would read every percent). */}
        {preparing && status.percent !== null && (
          <progress
            max={100}
            value={status.percent}
            aria-label={t("versionExport.progress", { format: formatName(status.format), percent: status.percent })}
            data-testid="export-progress"
          >
            {status.percent}
          </progress>
        )}
      </div>
    </section>
  );
}
