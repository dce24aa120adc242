/**
 * Markings: the handling label a board carries (a banner on every page, a line on every exported file).
 * Remit is not accredited for classified information, so a configured list that names a classified level —
 * NATO RESTRICTED and above, RESTREINT UE / EU RESTRICTED and above, national CONFIDENTIAL / SECRET and their
 * equivalents — is refused at start-up (MARK-2). Shared by browser and server: imports nothing.
 */

/** The entry that is filled from the board's releasability list ("RELEASABLE TO NATO, EU"). */
export const LIST_PLACEHOLDER = "<list>";
export const DEFAULT_MARKINGS = ["PUBLIC", "NATO UNCLASSIFIED", "EU LIMITE", `RELEASABLE TO ${LIST_PLACEHOLDER}`];
/** Boards made before markings existed, and exports of versions published before then, say this. */
export const DEFAULT_MARKING = "PUBLIC";
export const MAX_MARKING_LENGTH = 60;
export const MAX_MARKINGS = 20;

/**
 * Classified levels, as words compared after upper-casing and removing accents. A marking containing one of
 * them as whole words is refused: "NATO SECRET" contains SECRET, "RESTREINT UE" contains RESTREINT.
 * NATO: RESTRICTED, CONFIDENTIAL, SECRET, COSMIC TOP SECRET. EU: RESTREINT UE / EU RESTRICTED, CONFIDENTIEL UE,
 * SECRET UE, TRÈS SECRET UE. National equivalents of the member states most often seen in these rooms.
 */
const CLASSIFIED_TERMS = [
  // English (NATO, EU, UK, US, Ireland, Malta…)
  "RESTRICTED",
  "CONFIDENTIAL",
  "SECRET",
  "TOP SECRET",
  "COSMIC",
  // French (EU, France, Belgium, Luxembourg)
  "RESTREINT",
  "CONFIDENTIEL",
  "TRES SECRET",
  "SECRET DEFENSE",
  // German (VS-NfD is the restricted level)
  "VS-NFD",
  "VS-NUR FUR DEN DIENSTGEBRAUCH",
  "VS-VERTRAULICH",
  "GEHEIM",
  "STRENG GEHEIM",
  // Dutch
  "DEPARTEMENTAALVERTROUWELIJK",
  "STG. CONFIDENTIEEL",
  "STG. GEHEIM",
  "STG. ZEER GEHEIM",
  // Italian
  "RISERVATO",
  "RISERVATISSIMO",
  "SEGRETO",
  "SEGRETISSIMO",
  // Spanish, Portuguese
  "DIFUSION LIMITADA",
  "CONFIDENCIAL",
  "RESERVADO",
  "SECRETO",
  "MUITO SECRETO",
  // Polish
  "ZASTRZEZONE",
  "POUFNE",
  "TAJNE",
  "SCISLE TAJNE",
] as const;

/** Upper case, accents and Polish ł removed, runs of spaces made one: "Très  secret" → "TRES SECRET". */
function normalise(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[łŁ]/g, "L")
    .toUpperCase()
    .replace(/\s+/g, " ")
    .trim();
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
// Longest first, so the level named is the most precise one ("SCISLE TAJNE", not "TAJNE").
const CLASSIFIED = [...CLASSIFIED_TERMS]
  .sort((a, b) => b.length - a.length)
  .map((term) => ({
    term,
    // Whole words only: "SECRETARIAT" or "UNCLASSIFIED" do not match.
    pattern: new RegExp(`(^|[^A-Z0-9])${escapeRegExp(term)}($|[^A-Z0-9])`),
  }));

/** The classified level a marking names (the term found), or null when it names none. */
export function classifiedLevelIn(marking: string): string | null {
  const text = normalise(marking);
  return CLASSIFIED.find(({ pattern }) => pattern.test(text))?.term ?? null;
}

/** True for an entry filled from the releasability list. */
export function isListMarking(marking: string): boolean {
  return marking.includes(LIST_PLACEHOLDER);
}

/** The text shown and exported: the list entry filled with the releasability's words ("RELEASABLE TO NATO, EU"). */
export function markingText(marking: string, releasableTo: string | null): string {
  if (!isListMarking(marking)) return marking;
  return marking.replace(LIST_PLACEHOLDER, releasableTo ?? "?");
}
