/**
 * Every word of a meeting record, in each language: the generated draft is
 * written in the record's language; an exported file is labelled in the
 * file's language (the section texts stay as the chair left them). Position
 * and procedure names come from the export labels, so a record and a version
 * name them alike.
 */
import type { BracketWords } from "../../core/bracket-contract";
import { bracketWordsIn } from "../../core/bracket-words";
import type { Locale } from "../../core/locale";
import type { RecordSectionKey } from "../../core/record-contract";
import { exportLabels, type ExportLabels } from "../export/labels";

export interface RecordWords {
  locale: Locale;
  language: string;
  positions: ExportLabels["positions"];
  procedures: ExportLabels["procedures"];
  /** Responsibility and lead words of a bracketed side. */
  bracketWords: BracketWords;
  sections: Record<RecordSectionKey, string>;
  recordTitle: (number: number, title: string) => string;
  /** The file name's word for a meeting record: ASCII only, it goes in a Content-Disposition. */
  fileRecord: string;
  board: string;
  meeting: string;
  from: string;
  to: string;
  inProgress: string;
  openedBy: string;
  draftNotice: string;
  finalised: (at: string, by: string) => string;
  fingerprint: string;
  languageLine: string;
  page: (n: number, of: number) => string;
  none: string;
  // Generated sentences.
  agreed: (title: string, procedure: string, at: string) => string;
  proposed: (title: string, procedure: string, at: string) => string;
  reopened: (title: string, at: string) => string;
  published: (number: number, title: string, by: string, at: string) => string;
  position: (title: string, delegation: string, position: string, by: string, at: string) => string;
  positionWithText: (
    title: string,
    delegation: string,
    position: string,
    text: string,
    by: string,
    at: string,
  ) => string;
  silenceAdopted: (title: string, deadline: string) => string;
  silenceBroken: (title: string, delegation: string, at: string) => string;
  silencePending: (title: string, deadline: string) => string;
  silenceWithdrawn: (title: string, at: string) => string;
  bracketResolved: (
    title: string,
    chosen: string,
    sponsors: string | null,
    withdrawn: string | null,
    by: string,
    at: string,
  ) => string;
  /** The rows of an agenda item ("Rows: a; b"; French: a no-break space before the semicolon too). */
  agendaRows: (rows: readonly string[]) => string;
  alsoDiscussed: string;
  agendaItem: (number: number, title: string) => string;
}

const en = (labels: ExportLabels): RecordWords => ({
  locale: "en",
  language: "English",
  positions: labels.positions,
  procedures: labels.procedures,
  bracketWords: bracketWordsIn("en"),
  sections: {
    items: "Items taken",
    decisions: "Decisions",
    positions: "Positions and reservations",
    silence: "Silence procedures",
    brackets: "Bracketed text resolved",
  },
  recordTitle: (number, title) => `Record of meeting ${number}${title ? ` — ${title}` : ""}`,
  fileRecord: "record",
  board: "Board",
  meeting: "Meeting",
  from: "from",
  to: "to",
  inProgress: "in progress",
  openedBy: "Opened by",
  draftNotice: "DRAFT summary record — not final",
  finalised: (at, by) => `Final record, adopted ${at} by ${by}`,
  fingerprint: "SHA-256 fingerprint",
  languageLine: "Language: English",
  page: (n, of) => `Page ${n} of ${of}`,
  none: "None.",
  agreed: (title, procedure, at) => `“${title}” agreed (${procedure}), ${at}.`,
  proposed: (title, procedure, at) => `“${title}” proposed for agreement (${procedure}), ${at}.`,
  reopened: (title, at) => `“${title}” reopened by the Chair, ${at}.`,
  published: (number, title, by, at) => `Version ${number} “${title}” published by ${by}, ${at}.`,
  position: (title, delegation, position, by, at) => `“${title}” — ${delegation}: ${position} (${by}, ${at}).`,
  positionWithText: (title, delegation, position, text, by, at) =>
    `“${title}” — ${delegation}: ${position}: “${text}” (${by}, ${at}).`,
  silenceAdopted: (title, deadline) => `“${title}”: silence not broken; adopted at the deadline, ${deadline}.`,
  silenceBroken: (title, delegation, at) => `“${title}”: silence broken by ${delegation}, ${at}.`,
  silencePending: (title, deadline) => `“${title}”: under silence procedure until ${deadline}.`,
  silenceWithdrawn: (title, at) =>
    `“${title}”: silence procedure ended without adoption (text changed or reopened), ${at}.`,
  bracketResolved: (title, chosen, sponsors, withdrawn, by, at) =>
    `“${title}”: the Chair chose ${chosen}${sponsors ? ` (sponsored by ${sponsors})` : ""}; withdrawn: ${
      withdrawn ?? "none"
    } (${by}, ${at}).`,
  agendaItem: (number, title) => `${number}. ${title}`,
  agendaRows: (rows) => `Rows: ${rows.join("; ")}`,
  alsoDiscussed: "Also discussed outside the agenda:",
});

// French typography (I18N-17): a no-break space before a colon or semicolon and inside guillemets, as the
// export labels write them, so a line never breaks before the punctuation.
const fr = (labels: ExportLabels): RecordWords => ({
  locale: "fr",
  language: "Français",
  positions: labels.positions,
  procedures: labels.procedures,
  bracketWords: bracketWordsIn("fr"),
  sections: {
    items: "Points examinés",
    decisions: "Décisions",
    positions: "Positions et réserves",
    silence: "Procédures d’approbation tacite",
    brackets: "Crochets levés",
  },
  recordTitle: (number, title) => `Compte rendu de la réunion ${number}${title ? ` — ${title}` : ""}`,
  fileRecord: "compte-rendu",
  board: "Tableau",
  meeting: "Réunion",
  from: "du",
  to: "au",
  inProgress: "en cours",
  openedBy: "Ouverte par",
  draftNotice: "PROJET de compte rendu — non définitif",
  finalised: (at, by) => `Compte rendu définitif, arrêté le ${at} par ${by}`,
  fingerprint: "Empreinte SHA-256",
  languageLine: "Langue\u00a0: français",
  page: (n, of) => `Page ${n} sur ${of}`,
  none: "Néant.",
  agreed: (title, procedure, at) => `«\u00a0${title}\u00a0» adopté (${procedure}), ${at}.`,
  proposed: (title, procedure, at) => `«\u00a0${title}\u00a0» proposé pour accord (${procedure}), ${at}.`,
  reopened: (title, at) => `«\u00a0${title}\u00a0» rouvert par la présidence, ${at}.`,
  published: (number, title, by, at) => `Version ${number} «\u00a0${title}\u00a0» publiée par ${by}, ${at}.`,
  position: (title, delegation, position, by, at) =>
    `«\u00a0${title}\u00a0» — ${delegation}\u00a0: ${position} (${by}, ${at}).`,
  positionWithText: (title, delegation, position, text, by, at) =>
    `«\u00a0${title}\u00a0» — ${delegation}\u00a0: ${position}\u00a0: «\u00a0${text}\u00a0» (${by}, ${at}).`,
  silenceAdopted: (title, deadline) =>
    `«\u00a0${title}\u00a0»\u00a0: silence non rompu\u00a0; adopté à l’échéance, ${deadline}.`,
  silenceBroken: (title, delegation, at) => `«\u00a0${title}\u00a0»\u00a0: silence rompu par ${delegation}, ${at}.`,
  silencePending: (title, deadline) =>
    `«\u00a0${title}\u00a0»\u00a0: en procédure d’approbation tacite jusqu’au ${deadline}.`,
  silenceWithdrawn: (title, at) =>
    `«\u00a0${title}\u00a0»\u00a0: procédure d’approbation tacite close sans adoption (texte modifié ou rouvert), ${at}.`,
  bracketResolved: (title, chosen, sponsors, withdrawn, by, at) =>
    `«\u00a0${title}\u00a0»\u00a0: la présidence a retenu ${chosen}${sponsors ? ` (parrainé par ${sponsors})` : ""}\u00a0; retiré\u00a0: ${
      withdrawn ?? "aucun"
    } (${by}, ${at}).`,
  agendaItem: (number, title) => `${number}. ${title}`,
  agendaRows: (rows) => `Lignes\u00a0: ${rows.join("\u00a0; ")}`,
  alsoDiscussed: "Également examiné hors ordre du jour\u00a0:",
});

export function recordWords(locale: Locale = "en"): RecordWords {
  return locale === "fr" ? fr(exportLabels("fr")) : en(exportLabels("en"));
}
