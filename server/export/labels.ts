/**
 * Every word the exports print, in each language: the one place for export
 * wording (CSV and XLSX headers, sheet names, metadata, Markdown and PDF
 * headings, category labels). Cell values that a re-import reads back
 * (responsibility, lead and workflow codes, instrument ids) stay language-neutral
 * codes; the importer accepts the headers and category labels of every language. The file records its language
 * (CSV `#remit:language`, XLSX metadata "Language", Markdown and PDF header line).
 */
import type { Locale } from "../../core/locale";
import type { Category } from "../../core/board-doc";
import { CATEGORY_LABELS } from "../../core/category-labels";
import type { PositionKind, Procedure } from "../../core/matrix-snapshot";

export interface ExportLabels {
  locale: Locale;
  /** The language in itself, as the file records it ("English", "Français"). */
  language: string;
  /** CSV header and XLSX Matrix columns, in this order (MATRIX_COLUMN_IDS). */
  columns: readonly string[];
  draftNotice: string;
  notPublished: string;
  version: (number: number, title: string) => string;
  published: (at: string, by: string) => string;
  procedureLine: (procedure: string) => string;
  languageLine: string;
  /** ": " in English, "\u00a0: " in French (a no-break space before the colon). */
  colon: string;
  /** Which rows (1-based) and whether the board or version details hold bidirectional controls; at least one does. */
  bidiWarning: (rows: readonly number[], inHeader: boolean) => string;
  delegationsPresent: string;
  positions: Record<PositionKind, string>;
  /** Category labels as the UI shows them in this language (core/category-labels.ts; the importer accepts them back). */
  categories: Record<Category, string>;
  procedures: Record<Procedure, string>;
  distribution: string;
  matrix: string;
  reservationsHeading: string;
  noThreats: string;
  noInstrumentLinked: string;
  fingerprint: string;
  page: (n: number, of: number) => string;
  /** The file name's word for a draft (not a published version): ASCII only, it goes in a Content-Disposition. */
  fileDraft: string;
  /** Markdown and PDF matrix columns. */
  table: {
    number: string;
    threat: string;
    category: string;
    responsibility: string;
    lead: string;
    instruments: string;
    state: string;
    positions: string;
    notes: string;
  };
  /** Footnote: "PL (Poland), Reserve on row 3: text — recorded by X, date". */
  footnote: (who: string, position: string, row: number, text: string, recordedBy: string, at: string) => string;
  recordedBy: (name: string, at: string) => string;
  pdf: {
    date: string;
    exportedLive: string;
    publishedBy: string;
    notPublished: string;
    procedure: string;
    threats: string;
    watermark: string;
    links: string;
    /** Under the links chart: "15 threats × 6 linked instruments", and how rows are grouped when they are many. */
    linksCaption: (threats: number, instruments: number, perBand: number) => string;
    note: (row: number, title: string, who: string, position: string, text: string, by: string, at: string) => string;
  };
  sheets: { matrix: string; instruments: string; positions: string; metadata: string };
  instrumentColumns: readonly string[];
  positionColumns: readonly string[];
  metadata: {
    field: string;
    value: string;
    format: string;
    language: string;
    board: string;
    boardId: string;
    draft: string;
    version: string;
    versionTitle: string;
    publishedBy: string;
    publisherDelegation: string;
    publishedAt: string;
    procedure: string;
    delegationsPresent: string;
    threats: string;
    yes: string;
    no: string;
  };
}

/** Stable ids of the matrix columns (the importer maps headers in any language to these). */
export const MATRIX_COLUMN_IDS = [
  "title",
  "category",
  "responsibility",
  "lead",
  "instruments",
  "notes",
  "description",
  "workflowState",
  "positionsSummary",
  "reservations",
] as const;

const en: ExportLabels = {
  categories: CATEGORY_LABELS.en,
  locale: "en",
  language: "English",
  columns: [
    "Title",
    "Category",
    "Responsibility",
    "Lead",
    "Instruments",
    "Notes",
    "Description",
    "Workflow state",
    "Positions summary",
    "Reservations",
  ],
  draftNotice: "DRAFT — live board, not an agreed version",
  notPublished: "Not published",
  version: (number, title) => `Version ${number}${title ? ` — ${title}` : ""}`,
  published: (at, by) => `Published ${at} by ${by}`,
  procedureLine: (procedure) => `Procedure: ${procedure}`,
  languageLine: "Language: English",
  colon: ": ",
  bidiWarning: (rows, inHeader) => {
    const where = [
      rows.length > 0 && `row${rows.length > 1 ? "s" : ""} ${rows.join(", ")}`,
      inHeader && "the board or version details",
    ].filter(Boolean);
    // "details" is plural: only one row alone takes "contains".
    const plural = where.length > 1 || rows.length !== 1;
    return `Warning: ${where.join(" and ")} ${plural ? "contain" : "contains"} bidirectional control characters (text that can display reversed), shown as ⟨U+…⟩.`;
  },
  delegationsPresent: "Delegations present",
  positions: {
    support: "Support",
    "support-ad-referendum": "Support ad referendum",
    abstain: "Abstain",
    reserve: "Reserve",
    object: "Object",
  },
  procedures: {
    consensus: "Consensus",
    silence: "Silence procedure",
    "chair-declared": "Declared by the Chair",
    none: "None",
  },
  distribution: "Responsibility distribution",
  matrix: "Matrix",
  reservationsHeading: "Reservations and objections",
  noThreats: "This board has no threats yet.",
  noInstrumentLinked: "No instrument is linked to a threat.",
  fingerprint: "SHA-256 fingerprint",
  page: (n, of) => `Page ${n} of ${of}`,
  fileDraft: "draft",
  table: {
    number: "#",
    threat: "Threat",
    category: "Category",
    responsibility: "Responsibility",
    lead: "Lead",
    instruments: "Instruments",
    state: "State",
    positions: "Positions",
    notes: "Notes",
  },
  footnote: (who, position, row, text, recordedBy, at) =>
    `${who}, ${position} on row ${row}: ${text} — recorded by ${recordedBy}, ${at}`,
  recordedBy: (name, at) => `recorded by ${name}, ${at}`,
  pdf: {
    date: "Date",
    exportedLive: "exported from the live board",
    publishedBy: "Published by",
    notPublished: "— (not published)",
    procedure: "Procedure",
    threats: "Threats",
    watermark: "DRAFT",
    links: "Threat × instrument links",
    linksCaption: (threats, instruments, perBand) =>
      `${count("en", threats)} threats × ${count("en", instruments)} linked instruments` +
      (perBand > 1 ? ` (${count("en", perBand)} threats per band, shade = share linked)` : ""),
    note: (row, title, who, position, text, by, at) =>
      `Row ${row}, “${title}” — ${who}, ${position}: ${text} — recorded by ${by}, ${at}`,
  },
  sheets: { matrix: "Matrix", instruments: "Instruments", positions: "Positions", metadata: "Metadata" },
  instrumentColumns: ["ID", "Name", "Owner", "Kind", "Year", "Reference", "Custom", "Linked threats"],
  positionColumns: [
    "Row",
    "Threat",
    "Delegation",
    "Delegation name",
    "Position",
    "Reservation / objection",
    "Footnote",
    "Recorded by",
    "Recorded at (UTC)",
  ],
  metadata: {
    field: "Field",
    value: "Value",
    format: "Format",
    language: "Language",
    board: "Board",
    boardId: "Board ID",
    draft: "Draft",
    version: "Version",
    versionTitle: "Version title",
    publishedBy: "Published by",
    publisherDelegation: "Publisher delegation",
    publishedAt: "Published at (UTC)",
    procedure: "Procedure",
    delegationsPresent: "Delegations present",
    threats: "Threats",
    yes: "yes",
    no: "no",
  },
};

const fr: ExportLabels = {
  categories: CATEGORY_LABELS.fr,
  locale: "fr",
  language: "Français",
  columns: [
    "Titre",
    "Catégorie",
    "Responsabilité",
    "Chef de file",
    "Instruments",
    "Notes",
    "Description",
    "État d'avancement",
    "Synthèse des positions",
    "Réserves",
  ],
  draftNotice: "PROJET — tableau en direct, pas une version adoptée",
  notPublished: "Non publiée",
  version: (number, title) => `Version ${number}${title ? ` — ${title}` : ""}`,
  published: (at, by) => `Publiée le ${at} par ${by}`,
  procedureLine: (procedure) => `Procédure\u00a0: ${procedure}`,
  languageLine: "Langue\u00a0: Français",
  colon: "\u00a0: ",
  bidiWarning: (rows, inHeader) => {
    const where = [
      rows.length > 0 && (rows.length > 1 ? `les lignes ${rows.join(", ")}` : `la ligne ${rows[0]}`),
      inHeader && "les informations du tableau ou de la version",
    ].filter(Boolean);
    const plural = where.length > 1 || rows.length > 1 || rows.length === 0;
    return `Attention\u00a0: ${where.join(" et ")} ${plural ? "contiennent" : "contient"} des caractères de contrôle bidirectionnels (texte qui peut s'afficher à l'envers), affichés sous la forme ⟨U+…⟩.`;
  },
  delegationsPresent: "Délégations présentes",
  positions: {
    support: "Soutien",
    "support-ad-referendum": "Soutien ad referendum",
    abstain: "Abstention",
    reserve: "Réserve",
    object: "Objection",
  },
  procedures: {
    consensus: "Consensus",
    silence: "Procédure d'approbation tacite",
    "chair-declared": "Déclarée par la présidence",
    none: "Aucune",
  },
  distribution: "Répartition des responsabilités",
  matrix: "Matrice",
  reservationsHeading: "Réserves et objections",
  noThreats: "Ce tableau ne contient encore aucune menace.",
  noInstrumentLinked: "Aucun instrument n'est lié à une menace.",
  fingerprint: "Empreinte SHA-256",
  page: (n, of) => `Page ${n} sur ${of}`,
  fileDraft: "projet",
  table: {
    number: "n°",
    threat: "Menace",
    category: "Catégorie",
    responsibility: "Responsabilité",
    lead: "Chef de file",
    instruments: "Instruments",
    state: "État",
    positions: "Positions",
    notes: "Notes",
  },
  footnote: (who, position, row, text, recordedBy, at) =>
    `${who}, ${position} sur la ligne ${row}\u00a0: ${text} — enregistrée par ${recordedBy}, ${at}`,
  recordedBy: (name, at) => `enregistrée par ${name}, ${at}`,
  pdf: {
    date: "Date",
    exportedLive: "exporté du tableau en direct",
    publishedBy: "Publiée par",
    notPublished: "— (non publiée)",
    procedure: "Procédure",
    threats: "Menaces",
    watermark: "PROJET",
    links: "Liens menace × instrument",
    linksCaption: (threats, instruments, perBand) =>
      `${count("fr", threats)} menaces × ${count("fr", instruments)} instruments liés` +
      (perBand > 1 ? ` (${count("fr", perBand)} menaces par bande, teinte\u00a0= part liée)` : ""),
    note: (row, title, who, position, text, by, at) =>
      `Ligne ${row}, «\u00a0${title}\u00a0» — ${who}, ${position}\u00a0: ${text} — enregistrée par ${by}, ${at}`,
  },
  sheets: { matrix: "Matrice", instruments: "Instruments", positions: "Positions", metadata: "Métadonnées" },
  instrumentColumns: ["ID", "Nom", "Responsable", "Type", "Année", "Référence", "Personnalisé", "Menaces liées"],
  positionColumns: [
    "Ligne",
    "Menace",
    "Délégation",
    "Nom de la délégation",
    "Position",
    "Réserve / objection",
    "Note",
    "Enregistrée par",
    "Enregistrée le (UTC)",
  ],
  metadata: {
    field: "Champ",
    value: "Valeur",
    format: "Format",
    language: "Langue",
    board: "Tableau",
    boardId: "ID du tableau",
    draft: "Projet",
    version: "Version",
    versionTitle: "Titre de la version",
    publishedBy: "Publiée par",
    publisherDelegation: "Délégation de publication",
    publishedAt: "Publiée le (UTC)",
    procedure: "Procédure",
    delegationsPresent: "Délégations présentes",
    threats: "Menaces",
    yes: "oui",
    no: "non",
  },
};

export const EXPORT_LABELS: Record<Locale, ExportLabels> = { en, fr };

/** A quantity written the file's way ("1,000" / "1 000", I18N-21). */
function count(locale: Locale, value: number): string {
  return new Intl.NumberFormat(locale).format(value);
}

export function exportLabels(locale: Locale = "en"): ExportLabels {
  return EXPORT_LABELS[locale];
}
