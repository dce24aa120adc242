/**
 * Category labels in each language: the one source for the UI (app/i18n `category`) and the exports
 * (server/export/labels.ts), so a file says exactly what the screen says and the importer reads it back.
 */
import { CATEGORIES, type Category } from "./board-doc";
import type { Locale } from "./locale";

export const CATEGORY_LABELS: Record<Locale, Record<Category, string>> = {
  en: {
    cyber: "Cyber",
    hybrid: "Hybrid",
    infrastructure: "Critical infrastructure",
    "supply-chain": "Supply chain",
    information: "Information manipulation",
    data: "Data protection",
  },
  fr: {
    cyber: "Cyber",
    hybrid: "Hybride",
    infrastructure: "Infrastructures critiques",
    "supply-chain": "Chaîne d'approvisionnement",
    information: "Manipulation de l'information",
    data: "Protection des données",
  },
};

/** Each category's label in every language, for the importer: delegates' own spreadsheets use the label. */
export const IMPORT_CATEGORY_LABELS = Object.fromEntries(
  CATEGORIES.map((category) => [category, Object.values(CATEGORY_LABELS).map((labels) => labels[category])]),
) as Record<Category, string[]>;
