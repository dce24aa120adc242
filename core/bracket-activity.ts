/**
 * The details of a bracket activity entry (decision 020), stored as values — responsibility and lead codes, a
 * title as the delegate wrote it, delegation codes — never as words, so the activity page and the meeting record
 * word them in their reader's language (I18N-9). Entries stored before (an English "alternative", "chosen" or
 * "withdrawn" text) are shown as they were stored.
 */
import * as z from "./zod";
import {
  BracketValueSchema,
  bracketText,
  type BracketField,
  type BracketValue,
  type BracketWords,
} from "./bracket-contract";

export type ActivityDetail = Readonly<Record<string, string | null>>;

/** A withdrawn side with the delegations that sponsored it. */
interface SponsoredSide {
  value: BracketValue;
  sponsors: readonly string[];
}

const SponsoredSidesSchema = z.array(z.object({ value: BracketValueSchema, sponsors: z.array(z.string()) }));

/** bracket-proposed, bracket-joined, bracket-left: the one side concerned. */
export function bracketSideDetail(field: BracketField, value: BracketValue): ActivityDetail {
  return { field, side: JSON.stringify(value) };
}

/** bracket-resolved: the side kept (with its sponsors, none when the chair kept the row as it was) and the others. */
export function bracketResolvedDetail(
  field: BracketField,
  chosen: BracketValue,
  chosenSponsors: readonly string[] | null,
  withdrawn: readonly SponsoredSide[],
): ActivityDetail {
  return {
    field,
    chosenSide: JSON.stringify(chosen),
    chosenSponsors: chosenSponsors ? chosenSponsors.join(", ") : null,
    withdrawnSides: withdrawn.length > 0 ? JSON.stringify(withdrawn) : null,
  };
}

function parsed<T>(schema: z.ZodType<T>, json: string | null | undefined): T | null {
  if (!json) return null;
  try {
    const result = schema.safeParse(JSON.parse(json));
    return result.success ? result.data : null;
  } catch {
    return null;
  }
}

/** "[Partagée, Chef de file UE]": the side of a proposed, joined or left alternative. */
export function bracketSideText(detail: ActivityDetail, words: BracketWords): string {
  const side = parsed(BracketValueSchema, detail.side);
  return side ? bracketText([side], words) : (detail.alternative ?? "");
}

/**
 * The side chosen, its sponsors, and "[UE] (AT, FR) ; [OTAN] (US)" for the sides withdrawn (null: none), joined by
 * `words.listSeparator` (French: a no-break space before the semicolon, I18N-26).
 */
export function bracketResolvedText(
  detail: ActivityDetail,
  words: BracketWords,
): { chosen: string | null; chosenSponsors: string | null; withdrawn: string | null } {
  const chosen = parsed(BracketValueSchema, detail.chosenSide);
  const withdrawn = parsed(SponsoredSidesSchema, detail.withdrawnSides);
  return {
    chosen: chosen ? bracketText([chosen], words) : detail.chosen || null,
    chosenSponsors: detail.chosenSponsors || null,
    withdrawn: withdrawn
      ? withdrawn
          .map((side) => `${bracketText([side.value], words)} (${side.sponsors.join(", ")})`)
          .join(words.listSeparator)
      : detail.withdrawn || null,
  };
}
