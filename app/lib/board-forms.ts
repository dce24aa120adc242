/**
 * zod schemas of the forms and query strings that the routes accept, and the
 * helper that turns a failed parse into field errors shown next to each field.
 * Messages go through i18n so the form errors are translated like the rest.
 */
import * as z from "../../core/zod";
import { ref } from "../i18n";
import { INSTRUMENT_OWNERS } from "../../core/services";
import { BOARD_FORUMS } from "../../core/domain";

export const BOARD_TITLE_MAX = 120;
const YEAR_MIN = 1800;
const YEAR_MAX = 2100;

export const BoardIdSchema = z.string().regex(/^[A-Za-z0-9_-]{16,64}$/);

export const requiredText = (max: number, requiredMessage: string) =>
  z.string({ error: requiredMessage }).trim().min(1, requiredMessage).max(max, ref("forms.tooLong", { max }));

export const CreateBoardFormSchema = z.object({
  title: requiredText(BOARD_TITLE_MAX, ref("forms.titleRequired")),
  template: z.enum(["empty", "starter"], { error: ref("forms.chooseTemplate") }),
  /** Decision 018; a form without the field (older clients) makes a joint board, as before forums. */
  forum: z.enum(BOARD_FORUMS, { error: ref("forms.invalidChoice") }).default("joint"),
});

export const ChangeForumFormSchema = z.object({
  forum: z.enum(BOARD_FORUMS, { error: ref("forms.invalidChoice") }),
});

export const RenameBoardFormSchema = z.object({
  boardId: BoardIdSchema,
  title: requiredText(BOARD_TITLE_MAX, ref("forms.titleRequired")),
});

export const ArchiveBoardFormSchema = z.object({
  boardId: BoardIdSchema,
  archived: z.enum(["true", "false"]).transform((value) => value === "true"),
});

const yearMessage = ref("forms.invalidYear", { firstYear: YEAR_MIN, lastYear: YEAR_MAX });

export const CustomInstrumentFormSchema = z.object({
  name: requiredText(120, ref("forms.nameOfInstrumentRequired")),
  owner: z.enum(INSTRUMENT_OWNERS, { error: ref("forms.invalidChoice") }),
  kind: requiredText(60, ref("forms.kindRequired")),
  year: z.preprocess(
    (value) => (value === undefined || (typeof value === "string" && value.trim() === "") ? null : Number(value)),
    z.number({ error: yearMessage }).int(yearMessage).min(YEAR_MIN, yearMessage).max(YEAR_MAX, yearMessage).nullable(),
  ),
  reference: z
    .string()
    .trim()
    .max(200, ref("forms.tooLong", { max: 200 }))
    .default(""),
});

/** `?archived=1` shows archived boards too. */
export const BoardListQuerySchema = z.object({ archived: z.enum(["0", "1"]).optional() });

export type FieldErrors = Record<string, string>;

type FormResult<T> =
  { success: true; data: T } | { success: false; fieldErrors: FieldErrors; values: Record<string, string> };

/** Never sent back to the page: the CSRF token is in the form already, passwords are retyped. */
const SECRET_FIELDS: ReadonlySet<string> = new Set(["csrf", "password"]);

/** The submitted text values to show again next to an error (secrets left out). */
export function echoValues(formData: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of formData.entries())
    if (typeof value === "string" && !SECRET_FIELDS.has(key)) values[key] = value;
  return values;
}

/** Parses form data with a schema; on failure, the first message per field plus the submitted text values. */
export function parseForm<S extends z.ZodType>(schema: S, formData: FormData): FormResult<z.output<S>> {
  const entries: Record<string, string> = {};
  for (const [key, value] of formData.entries()) if (typeof value === "string") entries[key] = value;
  const parsed = schema.safeParse(entries);
  if (parsed.success) return { success: true, data: parsed.data };
  const values = echoValues(formData);
  const fieldErrors: FieldErrors = {};
  for (const issue of parsed.error.issues) {
    const field = String(issue.path[0] ?? "form");
    fieldErrors[field] ??= issue.message;
  }
  return { success: false, fieldErrors, values };
}
