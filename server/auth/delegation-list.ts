/**
 * The delegations that speak in a meeting: NATO Allies and EU member states
 * (a country in both is one delegation), the partners NATO works with in the
 * Indo-Pacific, and the institutions that sit with them. Codes: ISO 3166-1
 * alpha-2 for countries, short codes for institutions.
 *
 * Every flag rests on a source (DELEGATION_SOURCES), checked on 2026-11-28.
 */
interface DelegationSeed {
  code: string;
  name: string;
  nato: boolean;
  eu: boolean;
  /** A NATO partner: takes part in meetings, never records a position (decision 018). */
  partner: boolean;
  institution: boolean;
}

/** Where each flag comes from; the test checks every delegation's flags point at one of these. */
export const DELEGATION_SOURCES = {
  nato: "https://www.nato.int/cps/en/natohq/topics_52044.htm (NATO member countries: 32 Allies)",
  eu: "https://european-union.europa.eu/principles-countries-history/eu-countries_en (EU countries: 27 member states)",
  partner:
    "https://www.nato.int/cps/en/natohq/topics_183254.htm (Relations with partners in the Indo-Pacific region: Australia, Japan, Republic of Korea, New Zealand)",
  institution:
    "https://www.nato.int/cps/en/natohq/topics_58110.htm (NATO International Staff), https://www.nato.int/cps/en/natohq/topics_64557.htm (International Military Staff), https://european-union.europa.eu/institutions-law-budget/institutions-and-bodies/search-all-eu-institutions-and-bodies_en (European Commission, EEAS, General Secretariat of the Council)",
} as const;

const NATO_ONLY: [string, string][] = [
  ["AL", "Albania"],
  ["CA", "Canada"],
  ["IS", "Iceland"],
  ["ME", "Montenegro"],
  ["MK", "North Macedonia"],
  ["NO", "Norway"],
  ["TR", "Türkiye"],
  ["GB", "United Kingdom"],
  ["US", "United States"],
];
const EU_ONLY: [string, string][] = [
  ["AT", "Austria"],
  ["CY", "Cyprus"],
  ["IE", "Ireland"],
  ["MT", "Malta"],
];
const BOTH: [string, string][] = [
  ["BE", "Belgium"],
  ["BG", "Bulgaria"],
  ["HR", "Croatia"],
  ["CZ", "Czechia"],
  ["DK", "Denmark"],
  ["EE", "Estonia"],
  ["FI", "Finland"],
  ["FR", "France"],
  ["DE", "Germany"],
  ["GR", "Greece"],
  ["HU", "Hungary"],
  ["IT", "Italy"],
  ["LV", "Latvia"],
  ["LT", "Lithuania"],
  ["LU", "Luxembourg"],
  ["NL", "Netherlands"],
  ["PL", "Poland"],
  ["PT", "Portugal"],
  ["RO", "Romania"],
  ["SK", "Slovakia"],
  ["SI", "Slovenia"],
  ["ES", "Spain"],
  ["SE", "Sweden"],
];
/** The Indo-Pacific partners ("IP4") invited to NATO summits since 2022. */
const PARTNERS: [string, string][] = [
  ["AU", "Australia"],
  ["JP", "Japan"],
  ["NZ", "New Zealand"],
  ["KR", "Republic of Korea"],
];
const INSTITUTIONS: [string, string][] = [
  ["NATO-IS", "NATO International Staff"],
  ["NATO-IMS", "NATO International Military Staff"],
  ["EC", "European Commission"],
  ["EEAS", "European External Action Service"],
  ["GSC", "General Secretariat of the Council of the EU"],
];

const none = { nato: false, eu: false, partner: false, institution: false };

export const DELEGATIONS: DelegationSeed[] = [
  ...NATO_ONLY.map(([code, name]) => ({ ...none, code, name, nato: true })),
  ...EU_ONLY.map(([code, name]) => ({ ...none, code, name, eu: true })),
  ...BOTH.map(([code, name]) => ({ ...none, code, name, nato: true, eu: true })),
  ...PARTNERS.map(([code, name]) => ({ ...none, code, name, partner: true })),
  ...INSTITUTIONS.map(([code, name]) => ({ ...none, code, name, institution: true })),
  // Code-unit order, not localeCompare: its first call loads ICU's collator (tens of ms of every start, PERF-43)
  // for a list whose order only decides the order of the seeding writes; lists shown are sorted by the database.
].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
