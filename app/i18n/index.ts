/**
 * The one translation layer. Components call t("section.key", params); a
 * message with element parameters (a <time>, an emphasised count) goes through
 * <Message> (tParts) so the catalogue keeps the word order; lists, numbers and
 * dates go through formatList, formatNumber, formatDate (Intl with LOCALE).
 * app/i18n/hardcoded-strings.test.ts fails on JSX text that bypasses t().
 * To add French: create fr.ts exporting `fr: Messages`, add it to CATALOGUES,
 * and change LOCALE (the only place the locale is picked).
 */
import { en } from "./en";

/** Same shape as `en`, every leaf a string: what another locale must provide. */
export type Messages = { [K in keyof typeof en]: { [L in keyof (typeof en)[K]]: string } };

type Leaves<T, Prefix extends string = ""> = {
  [K in keyof T & string]: T[K] extends string ? `${Prefix}${K}` : Leaves<T[K], `${Prefix}${K}.`>;
}[keyof T & string];

export type MessageKey = Leaves<typeof en>;
export type MessageParams = Record<string, string | number>;

export const CATALOGUES = { en } satisfies Record<string, Messages>;
export type Locale = keyof typeof CATALOGUES;

export const LOCALE: Locale = "en";

function lookup(messages: Messages, key: string): string | undefined {
  let node: unknown = messages;
  for (const part of key.split(".")) {
    if (typeof node !== "object" || node === null) return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === "string" ? node : undefined;
}

/** Replaces {name} placeholders; unknown placeholders stay visible so they get noticed. */
export function interpolate(template: string, params?: MessageParams): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (match, name: string) =>
    Object.prototype.hasOwnProperty.call(params, name) ? String(params[name]) : match,
  );
}

/**
 * A template cut at its {placeholders}, each filled from `values` (any type: strings,
 * numbers, React elements), so a message whose parameters are elements (a <time>, a
 * link, an emphasised title) keeps the catalogue's word order. Unknown placeholders
 * stay visible as text, like interpolate.
 */
export function interpolateParts<T>(template: string, values: Readonly<Record<string, T>>): (string | T)[] {
  const parts: (string | T)[] = [];
  let last = 0;
  for (const match of template.matchAll(/\{(\w+)\}/g)) {
    const name = match[1];
    if (!Object.prototype.hasOwnProperty.call(values, name)) continue;
    if (match.index > last) parts.push(template.slice(last, match.index));
    parts.push(values[name]);
    last = match.index + match[0].length;
  }
  if (last < template.length) parts.push(template.slice(last));
  return parts;
}

/** Translation for an explicit catalogue (tests, future per-request locale). */
export function translate(messages: Messages, key: MessageKey, params?: MessageParams): string {
  const template = lookup(messages, key) ?? lookup(en, key) ?? key;
  return interpolate(template, params);
}

export function t(key: MessageKey, params?: MessageParams): string {
  return translate(CATALOGUES[LOCALE], key, params);
}

/** t() for messages with element parameters: the parts in the catalogue's order (see interpolateParts). */
export function tParts<T>(key: MessageKey, values: Readonly<Record<string, T>>): (string | T)[] {
  return interpolateParts(translate(CATALOGUES[LOCALE], key), values);
}

const listFormats = {
  /** "A, B, C" in English, "A, B et C" in French: names in a label. */
  unit: new Intl.ListFormat(LOCALE, { type: "unit", style: "short" }),
  /** "A, B and C": names as the subject of a sentence. */
  conjunction: new Intl.ListFormat(LOCALE, { type: "conjunction", style: "long" }),
};

/** A list of names or values in the locale's way (never join(", ") in UI code). */
export function formatList(items: readonly string[], type: keyof typeof listFormats = "unit"): string {
  return listFormats[type].format(items);
}

const numberFormat = new Intl.NumberFormat(LOCALE);

/** A number with the locale's separators ("1,234.5" / "1 234,5"). */
export function formatNumber(value: number): string {
  return numberFormat.format(value);
}

const dateFormat = new Intl.DateTimeFormat(LOCALE, { dateStyle: "medium", timeZone: "UTC" });

/** Dates are formatted in UTC so the server render and the browser agree (no hydration mismatch). */
export function formatDate(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : dateFormat.format(date);
}
