/**
 * A delegation's name in the reader's language (I18N-11). The database keeps one name per delegation, in English
 * (server/auth/delegation-list.ts); a French page, record or export words it in French:
 * - an institution, or a nation whose official name the common short name would not give, from OFFICIAL_NAMES
 *   (each with the official French page it is taken from);
 * - any other nation from its ISO 3166-1 alpha-2 code through Intl.DisplayNames (CLDR's names: "Allemagne");
 * - anything else (a code we do not know) as stored: never a guess.
 * English is the stored name itself, so nothing changes for an English reader.
 */
import type { Locale } from "./locale";

interface OfficialName {
  fr: string;
  /** The official French text the name is taken from. */
  source: string;
}

export const OFFICIAL_NAMES: Readonly<Record<string, OfficialName>> = {
  "NATO-IS": {
    fr: "Secrétariat international de l'OTAN",
    source:
      "https://www.nato.int/cps/en/natohq/topics_58110.htm?selectedLocale=fr (« Le Secrétariat international (SI) »)",
  },
  "NATO-IMS": {
    fr: "État-major militaire international de l'OTAN",
    source: "https://www.nato.int/cps/fr/natohq/topics_64557.htm (« État-major militaire international »)",
  },
  EC: {
    fr: "Commission européenne",
    source: "https://europeday.europa.eu/about-us_fr (« Commission européenne »)",
  },
  EEAS: {
    fr: "Service européen pour l'action extérieure",
    source:
      "https://eur-lex.europa.eu/legal-content/FR/ALL/?uri=URISERV:rx0013 (« Service européen pour l'action extérieure »)",
  },
  GSC: {
    fr: "Secrétariat général du Conseil de l'UE",
    source:
      "https://eur-lex.europa.eu/legal-content/FR/ALL/?uri=URISERV:rx0013 (« le secrétariat général du Conseil »)",
  },
  // The English list says "Republic of Korea" as NATO does; CLDR's French short name is "Corée du Sud".
  KR: {
    fr: "République de Corée",
    source: "https://www.nato.int/cps/fr/natohq/topics_50098.htm (« Relations avec la République de Corée »)",
  },
};

const ISO_REGION = /^[A-Z]{2}$/;
// ISO 3166-1's user-assigned codes name no country (CLDR calls ZZ "Unknown Region"): keep the stored name.
const USER_ASSIGNED = /^(AA|Q[M-Z]|X[A-Z]|ZZ)$/;
const regionNames = new Map<Locale, Intl.DisplayNames>();

function regionName(locale: Locale, code: string): string | undefined {
  let names = regionNames.get(locale);
  if (!names) {
    names = new Intl.DisplayNames(locale, { type: "region", fallback: "none" });
    regionNames.set(locale, names);
  }
  try {
    return names.of(code);
  } catch {
    return undefined;
  }
}

/** `name`: the stored (English) name, shown as is in English and whenever no French name is known. */
export function delegationNameIn(locale: Locale, code: string, name: string): string {
  if (locale === "en") return name;
  const official = OFFICIAL_NAMES[code];
  if (official) return official[locale];
  return (ISO_REGION.test(code) && !USER_ASSIGNED.test(code) && regionName(locale, code)) || name;
}
