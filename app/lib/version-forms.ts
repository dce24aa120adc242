/**
 * zod schemas of the versions, diff, export and import routes' forms,
 * params and query strings. Browser-safe (no server imports).
 */
import * as z from "../../core/zod";
import { ref } from "../i18n";
import { LocaleSchema, type Locale } from "../../core/locale";
import { requiredText } from "./board-forms";
import { EXPORT_FORMATS, type ExportFormat, type SnapshotSource } from "../../core/version-contract";
import { INSTRUMENT_OWNERS } from "../../core/domain";

const PUBLISH_SCOPES = ["agreed", "all"] as const;
const LIVE_ROWS = ["agreed", "all"] as const;
export const VERSION_TITLE_MAX = 200;

export const PUBLISH_INTENT = "publish";
export const PREVIEW_INTENT = "preview";
export const CREATE_INSTRUMENTS_INTENT = "create-instruments";

/** A version number in a URL: 1…999,999,999, no signs, no leading zeros. */
export const VersionNumberSchema = z
  .string()
  .regex(/^[1-9][0-9]{0,8}$/)
  .transform(Number);

const SnapshotSourceSchema = z.union([z.literal("live"), VersionNumberSchema]) as z.ZodType<SnapshotSource, string>;

export const PublishFormSchema = z.object({
  intent: z.literal(PUBLISH_INTENT),
  title: requiredText(VERSION_TITLE_MAX, ref("forms.titleRequired")),
  scope: z.enum(PUBLISH_SCOPES, { error: ref("forms.invalidChoice") }),
});

export const DiffQuerySchema = z.object({
  from: SnapshotSourceSchema,
  to: SnapshotSourceSchema.default("live"),
});

export const ExportQuerySchema = z.object({
  format: z.enum(EXPORT_FORMATS),
  version: SnapshotSourceSchema.default("live"),
  rows: z.enum(LIVE_ROWS).default("all"),
  /** The language of the file's words; default: the person's language. */
  lang: LocaleSchema.optional(),
});

/** Custom instruments to create before an import's rows are applied (the ids are the file's). */
export const InstrumentsToCreateSchema = z
  .array(
    z.object({
      id: z.string().min(1).max(100),
      name: z.string().trim().min(1).max(300),
      owner: z.enum(INSTRUMENT_OWNERS),
      kind: z.string().max(100),
      year: z.number().int().min(0).max(9999).nullable(),
      reference: z.string().max(500),
    }),
  )
  .min(1)
  .max(500);

export function sourceParam(source: SnapshotSource): string {
  return source === "live" ? "live" : String(source);
}

export function exportHref(
  boardId: string,
  format: ExportFormat,
  source: SnapshotSource,
  rows: "agreed" | "all" = "all",
  lang?: Locale,
): string {
  const query = new URLSearchParams({ format, version: sourceParam(source) });
  if (source === "live" && rows !== "all") query.set("rows", rows);
  if (lang) query.set("lang", lang);
  return `/boards/${boardId}/export?${query}`;
}

export function diffHref(boardId: string, from: SnapshotSource, to: SnapshotSource, json = false): string {
  return `/boards/${boardId}/${json ? "diff.json" : "diff"}?${new URLSearchParams({ from: sourceParam(from), to: sourceParam(to) })}`;
}
