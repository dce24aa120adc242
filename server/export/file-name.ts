import type { MatrixSnapshot } from "../../core/matrix-snapshot";

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
 * "hybrid-threats-lodz-working-group-v3.pdf" / "…-draft.pdf": ASCII only, so
 * it is safe in a Content-Disposition header without RFC 5987 encoding.
 * With a date: "…-v3-2025-03-05.pdf" (UTC day; routes pass the publication
 * date of a version, the export time of a draft).
 */
export function exportFileName(snapshot: MatrixSnapshot, extension: string, date?: Date): string {
  const slug = fileNameSlug(snapshot.board.title);
  const day = date && !Number.isNaN(date.getTime()) ? `-${date.toISOString().slice(0, 10)}` : "";
  return `${slug}-${snapshot.version ? `v${snapshot.version.number}` : "draft"}${day}.${extension}`;
}
