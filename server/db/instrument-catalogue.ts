import * as z from "zod";
// Committed copy (prisma/seed/), so CI clones have it; bundled by the import, no path lookup at runtime.
import catalogueJson from "../../prisma/seed/catalogue.json";

import { CATEGORIES, RESPONSIBILITIES as BOARD_RESPONSIBILITIES } from "../../core/board-doc";
import { INSTRUMENT_OWNERS } from "../../core/services";

export { INSTRUMENT_OWNERS };
const INSTRUMENT_KINDS = [
  "treaty-article",
  "policy",
  "body",
  "initiative",
  "toolbox",
  "action-plan",
  "directive",
  "regulation",
  "law",
] as const;
const THREAT_CATEGORIES = CATEGORIES;

const SlugSchema = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "lower-case slug");

const InstrumentOwnerSchema = z.enum(INSTRUMENT_OWNERS);
const InstrumentKindSchema = z.enum(INSTRUMENT_KINDS);
const ThreatCategorySchema = z.enum(THREAT_CATEGORIES);
/** The catalogue suggests a responsibility for every threat: never Unassigned. */
const ResponsibilitySchema = z.enum(BOARD_RESPONSIBILITIES).exclude(["Unassigned"]);

const CatalogueInstrumentSchema = z.object({
  id: SlugSchema,
  name: z.string().min(1),
  owner: InstrumentOwnerSchema,
  kind: InstrumentKindSchema,
  year: z.number().int().min(1900).max(2100).nullable(),
  reference: z.string().min(1),
  summary: z.string().min(1),
  /**
   * Official French name, where an official French text gives one (I18N-5): worded as `nameFrPublished`, the words
   * exactly as the official French page `nameFrSource` publishes them; and the document of the sourced facts (quoted
   * from `reference`) that name designates.
   */
  nameFr: z.string().min(1).optional(),
  nameFrSource: z.url({ protocol: /^https$/ }).optional(),
  nameFrPublished: z.string().min(1).optional(),
  nameFrOf: z.string().min(1).optional(),
  /** Why no official French title is sourced: the name is kept in both languages, never translated as if official. */
  nameFrNone: z.string().min(1).optional(),
});

const CatalogueThreatSchema = z.object({
  id: SlugSchema,
  title: z.string().min(1),
  category: ThreatCategorySchema,
  summary: z.string().min(1),
  suggestedResponsibility: ResponsibilitySchema,
  suggestedInstruments: z.array(SlugSchema),
  /** Remit's own French wording of the threat's title. */
  titleFr: z.string().min(1).optional(),
  summaryFr: z.string().min(1).optional(),
});

const CatalogueSchema = z
  .object({
    instruments: z.array(CatalogueInstrumentSchema).min(1),
    threats: z.array(CatalogueThreatSchema),
  })
  .superRefine((catalogue, ctx) => {
    const ids = new Set<string>();
    for (const [index, instrument] of catalogue.instruments.entries()) {
      if (ids.has(instrument.id))
        ctx.addIssue({ code: "custom", path: ["instruments", index, "id"], message: "duplicate id" });
      ids.add(instrument.id);
      // Either a sourced official French title or the reason there is none: never a silent gap.
      const sourced = instrument.nameFr !== undefined;
      const complete = sourced
        ? instrument.nameFrSource !== undefined &&
          instrument.nameFrPublished !== undefined &&
          instrument.nameFrOf !== undefined &&
          instrument.reference.includes(instrument.nameFrOf) &&
          instrument.nameFrNone === undefined
        : instrument.nameFrSource === undefined &&
          instrument.nameFrPublished === undefined &&
          instrument.nameFrOf === undefined &&
          instrument.nameFrNone !== undefined;
      if (!complete)
        ctx.addIssue({
          code: "custom",
          path: ["instruments", index, "nameFr"],
          message:
            "a French title needs nameFrSource, nameFrPublished and nameFrOf (a document of its reference); without one, nameFrNone",
        });
      else if (sourced && !wordedAsPublished(instrument.nameFr!, instrument.nameFrPublished!))
        ctx.addIssue({
          code: "custom",
          path: ["instruments", index, "nameFr"],
          message: "nameFr is not worded as nameFrPublished",
        });
    }
    for (const [index, threat] of catalogue.threats.entries()) {
      for (const ref of threat.suggestedInstruments) {
        if (!ids.has(ref)) {
          ctx.addIssue({
            code: "custom",
            path: ["threats", index, "suggestedInstruments"],
            message: `unknown instrument ${ref}`,
          });
        }
      }
    }
  });

const words = (text: string) =>
  text
    .toLowerCase()
    .replace(/’/g, "'")
    .match(/[\p{L}\p{N}'-]+/gu) ?? [];
const within = (part: string[], whole: string[]) => {
  let at = 0;
  for (const word of whole) if (word === part[at]) at += 1;
  return at === part.length;
};
/** Words that only point into the named text (", article 5", ", article 42, paragraphe 7, TUE"). */
const POINTER = /^(article|paragraphe|tue|tfue|\d+)$/;

/**
 * Whether a shown French name is the published one (I18N-5): its words, leaving out a closing parenthesis of
 * Remit's own ("(défense collective)"), are the published words with some left out, or the published words followed
 * by a pointer into the text (", article 5"). A reworded or invented title is neither.
 */
export function wordedAsPublished(nameFr: string, published: string): boolean {
  const shown = words(nameFr.replace(/\s*\([^()]*\)$/, ""));
  const source = words(published);
  if (shown.length > 0 && within(shown, source)) return true;
  return (
    shown.length > source.length &&
    source.every((word, i) => shown[i] === word) &&
    shown.slice(source.length).every((word) => POINTER.test(word))
  );
}

export type CatalogueInstrument = z.infer<typeof CatalogueInstrumentSchema>;
type Catalogue = z.infer<typeof CatalogueSchema>;

/** Validated starter catalogue; throws (ZodError) when the committed file is malformed. */
export function loadCatalogue(raw: unknown = catalogueJson): Catalogue {
  return CatalogueSchema.parse(raw);
}

let frenchTitles: ReadonlyMap<string, { name: string; nameFr: string }> | null = null;

/** The library instruments' official French titles (I18N-5) by id, each with the English name it is the French of. */
export function officialFrenchTitles(): ReadonlyMap<string, { name: string; nameFr: string }> {
  frenchTitles ??= new Map(
    loadCatalogue().instruments.flatMap(({ id, name, nameFr }) => (nameFr ? [[id, { name, nameFr }] as const] : [])),
  );
  return frenchTitles;
}
