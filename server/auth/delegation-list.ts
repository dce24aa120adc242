/**
 * The delegations that speak in a meeting: NATO Allies and EU member states
 * (a country in both is one delegation), and the institutions that sit with
 * them. Codes: ISO 3166-1 alpha-2 for countries, short codes for institutions.
 */
export interface DelegationSeed {
  code: string;
  name: string;
  nato: boolean;
  eu: boolean;
  institution: boolean;
}

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
const INSTITUTIONS: [string, string][] = [
  ["NATO-IS", "NATO International Staff"],
  ["NATO-IMS", "NATO International Military Staff"],
  ["EC", "European Commission"],
  ["EEAS", "European External Action Service"],
  ["GSC", "General Secretariat of the Council of the EU"],
];

export const DELEGATIONS: DelegationSeed[] = [
  ...NATO_ONLY.map(([code, name]) => ({ code, name, nato: true, eu: false, institution: false })),
  ...EU_ONLY.map(([code, name]) => ({ code, name, nato: false, eu: true, institution: false })),
  ...BOTH.map(([code, name]) => ({ code, name, nato: true, eu: true, institution: false })),
  ...INSTITUTIONS.map(([code, name]) => ({ code, name, nato: false, eu: false, institution: true })),
].sort((a, b) => a.name.localeCompare(b.name));
