/**
 * Category labels of every UI language, for the importer: delegates' own
 * spreadsheets say "Critical infrastructure" (or its translation), not the id
 * "infrastructure". Built from the catalogues, so a new language adds its labels.
 */
import { CATALOGUES } from "~/i18n";
import { CATEGORIES, type Category } from "../../core/board-doc";

export const IMPORT_CATEGORY_LABELS: Record<Category, string[]> = Object.fromEntries(
  CATEGORIES.map((category) => [category, Object.values(CATALOGUES).map((messages) => messages.category[category])]),
) as Record<Category, string[]>;
