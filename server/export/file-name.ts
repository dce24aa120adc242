import type { Locale } from "../../core/locale";
import type { MatrixSnapshot } from "../../core/matrix-snapshot";
import { exportLabels } from "./labels";

/** A board title as ASCII for a file name: "Łódź working group" → "lodz-working-group" (at most 60 characters). */
export function fileNameSlug(title: string): string {
  return (
    title
      .normalize("NFKD")
      .replace(/[\u0300-\u036f]/g, "")
      .replace(/[łŁ]/g, "l")
      .replace(/[øØ]/g, "o")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 60) || "board"
  );
}

/**
 * "hybrid-threats-lodz-working-group-v3.pdf" / "…-draft.pdf" ("…-projet.pdf" in French): ASCII only, so
 * it is safe in a Content-Disposition header without RFC 5987 encoding.
 * With a date: "…-v3-2025-03-05.pdf" (UTC day; routes pass the publication
 * date of a version, the export time of a draft).
 */
export function exportFileName(snapshot: MatrixSnapshot, extension: string, date?: Date, locale?: Locale): string {
  const slug = fileNameSlug(snapshot.board.title);
  const day = date && !Number.isNaN(date.getTime()) ? `-${date.toISOString().slice(0, 10)}` : "";
  const which = snapshot.version ? `v${snapshot.version.number}` : exportLabels(locale).fileDraft;
  return `${slug}-${which}${day}.${extension}`;
}
