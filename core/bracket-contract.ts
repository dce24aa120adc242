/**
 * Bracketed alternatives (decision 020): a disputed responsibility (with its lead) or title kept in square
 * brackets until the chair resolves it. The row's current value is always the first side of a bracket; the
 * other sides are alternatives sponsored by delegations. Shared by browser and server (imports only zod and
 * the board document module).
 */
import * as z from "./zod";
import { LEADS, MAX_TITLE_LENGTH, RESPONSIBILITIES, type Lead, type Responsibility } from "./board-doc";

export const BRACKET_FIELDS = ["responsibility", "title"] as const;
export type BracketField = (typeof BRACKET_FIELDS)[number];

/** Alternatives one bracket may hold besides the current value: a bracket is a choice, not a list. */
export const MAX_ALTERNATIVES_PER_BRACKET = 6;

export type BracketValue =
  { field: "responsibility"; responsibility: Responsibility; lead: Lead | null } | { field: "title"; title: string };

const RowIdSchema = z.string().min(1).max(64);

/** A side of a bracket as snapshots and exports store it. */
export const BracketValueSchema = z.discriminatedUnion("field", [
  z.object({
    field: z.literal("responsibility"),
    responsibility: z.enum(RESPONSIBILITIES),
    lead: z.enum(LEADS).nullable(),
  }),
  z.object({ field: z.literal("title"), title: z.string().max(MAX_TITLE_LENGTH) }),
]);

/**
 * A proposed alternative. Unknown keys (a hand-made `delegationCode` or `sponsors`) are dropped: sponsors are
 * stamped by the server from the actor's account.
 */
export const ProposeAlternativeSchema = z.discriminatedUnion("field", [
  z.object({
    rowId: RowIdSchema,
    field: z.literal("responsibility"),
    responsibility: z.enum(RESPONSIBILITIES),
    /** Only with Shared (the Shared⇔lead rule of the board document). */
    lead: z.enum(LEADS).nullish(),
  }),
  z.object({
    rowId: RowIdSchema,
    field: z.literal("title"),
    title: z.string().trim().min(1).max(MAX_TITLE_LENGTH),
  }),
]);

export const SponsorshipSchema = z.object({
  alternativeId: z.coerce
    .number()
    .int()
    .positive()
    .max(2 ** 31 - 1),
});

/** The chair's choice: an alternative's id, or "current" to keep the row as it is. */
export const ResolveBracketSchema = z.object({
  bracketId: z.coerce
    .number()
    .int()
    .positive()
    .max(2 ** 31 - 1),
  choice: z.union([
    z.literal("current"),
    z.coerce
      .number()
      .int()
      .positive()
      .max(2 ** 31 - 1),
  ]),
});

interface BracketSponsorView {
  delegationCode: string;
  delegationName: string;
}

export interface BracketAlternativeView {
  id: number;
  value: BracketValue;
  proposedByName: string;
  createdAt: string;
  /** Delegations sponsoring it now, in the order they joined. */
  sponsors: BracketSponsorView[];
}

export interface BracketView {
  id: number;
  rowId: string;
  field: BracketField;
  openedAt: string;
  alternatives: BracketAlternativeView[];
}

/** Open brackets of a board, as loaders return them. */
export interface BoardBracketsJson {
  brackets: BracketView[];
}

/** The value a row holds now for a bracket field. */
export function currentBracketValue(
  row: { title: string; responsibility: Responsibility; lead: Lead | null },
  field: BracketField,
): BracketValue {
  return field === "title"
    ? { field, title: row.title }
    : { field, responsibility: row.responsibility, lead: row.responsibility === "Shared" ? row.lead : null };
}

export function sameBracketValue(a: BracketValue, b: BracketValue): boolean {
  if (a.field === "title" && b.field === "title") return a.title.trim() === b.title.trim();
  if (a.field === "responsibility" && b.field === "responsibility")
    return a.responsibility === b.responsibility && (a.lead ?? null) === (b.lead ?? null);
  return false;
}

/** Words for a responsibility and a lead, in the reader's language (the UI's and each export's own). */
export interface BracketWords {
  responsibility: (value: Responsibility) => string;
  /** "EU lead" */
  lead: (value: Lead) => string;
  /** Between the sides of a list ("[EU] (AT); [NATO] (US)"): French puts a no-break space before ";" (I18N-26). */
  listSeparator: string;
}

export const ENGLISH_BRACKET_WORDS: BracketWords = {
  responsibility: (value) => value,
  lead: (value) => `${value} lead`,
  listSeparator: "; ",
};

/** "NATO", "Shared, EU lead", or the title as written. */
export function bracketValueText(value: BracketValue, words: BracketWords = ENGLISH_BRACKET_WORDS): string {
  if (value.field === "title") return value.title;
  const responsibility = words.responsibility(value.responsibility);
  return value.lead ? `${responsibility}, ${words.lead(value.lead)}` : responsibility;
}

/** "[NATO] [Shared, EU lead]": every side in square brackets, the current value first. */
export function bracketText(sides: readonly BracketValue[], words: BracketWords = ENGLISH_BRACKET_WORDS): string {
  return sides.map((side) => `[${bracketValueText(side, words)}]`).join(" ");
}
