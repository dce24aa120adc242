/**
 * The one translation layer. Components call t("section.key", params); a
 * message with element parameters (a <time>, an emphasised count) goes through
 * <Message> (tParts) so the catalogue keeps the word order; lists, numbers and
 * dates go through formatList, formatNumber, formatDate (Intl in the current locale).
 * app/i18n/hardcoded-strings.test.ts fails on JSX text that bypasses t();
 * app/i18n/catalogue-parity.test.ts fails when en and fr differ in keys or placeholders.
 *
 * Which locale is "current" (docs/decisions/014-per-request-locale.md): there is no
 * module-global language. In the browser a page serves one person, so the
 * locale is the page's <html lang> (set by root from its loader data). On the
 * server requests in different languages render concurrently, so the locale
 * comes from a per-request async context that entry.server opens around each
 * render (request-locale.server.ts registers it here); loaders and actions that
 * need text pass the locale explicitly (requestI18n) — and services get it as a
 * parameter. Code that holds a locale uses createI18n(locale) directly.
 */
import { DEFAULT_LOCALE, isLocale, LOCALES, type Locale } from "../../core/locale";
import {
  DELEGATION_LIST_PARAMS,
  messageRef,
  NESTED_REF_PARAMS,
  parseMessageRef,
  QUANTITY_PARAMS,
  type MessageRef,
} from "../../core/message-ref";
import { delegationNameIn } from "../../core/delegation-names";
import { isolateIfNeeded } from "../lib/bidi";
import { en } from "./en";
import { fr } from "./fr";

export { DEFAULT_LOCALE, LOCALES, isLocale, type Locale };

/** Same shape as `en`, every leaf a string: what another locale must provide. */
export type Messages = { [K in keyof typeof en]: { [L in keyof (typeof en)[K]]: string } };

type Leaves<T, Prefix extends string = ""> = {
  [K in keyof T & string]: T[K] extends string ? `${Prefix}${K}` : Leaves<T[K], `${Prefix}${K}.`>;
}[keyof T & string];

export type MessageKey = Leaves<typeof en>;
type MessageParams = Record<string, string | number>;

export const CATALOGUES: Record<Locale, Messages> = { en, fr };

let serverLocale: (() => Locale | undefined) | null = null;

/** Server only: where the current request's locale lives (see request-locale.server.ts). */
export function setServerLocaleSource(source: () => Locale | undefined): void {
  serverLocale = source;
}

/** The locale of the request being rendered (server) or of the page (browser). */
export function currentLocale(): Locale {
  if (serverLocale) return serverLocale() ?? DEFAULT_LOCALE;
  if (typeof document !== "undefined") {
    const lang = document.documentElement.lang;
    if (isLocale(lang)) return lang;
  }
  return DEFAULT_LOCALE;
}

function lookup(messages: Messages, key: string): string | undefined {
  let node: unknown = messages;
  for (const part of key.split(".")) {
    if (typeof node !== "object" || node === null) return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === "string" ? node : undefined;
}

/** True when `key` names a message (for keys carried as data, e.g. field errors from services). */
export function isMessageKey(key: unknown): key is MessageKey {
  return typeof key === "string" && lookup(en, key) !== undefined;
}

/**
 * Replaces {name} placeholders; unknown placeholders stay visible so they get noticed. Parameters are user text
 * as often as not (names, titles): each is isolated when it could reorder the sentence (HARDEN-53, lib/bidi.ts).
 */
export function interpolate(template: string, params?: MessageParams): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (match, name: string) =>
    Object.prototype.hasOwnProperty.call(params, name) ? isolateIfNeeded(String(params[name])) : match,
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
    const value = values[name];
    // Strings are isolated like interpolate's; elements carry their own <bdi> where they hold user text.
    parts.push(typeof value === "string" ? (isolateIfNeeded(value) as T) : value);
    last = match.index + match[0].length;
  }
  if (last < template.length) parts.push(template.slice(last));
  return parts;
}

/** Translation for an explicit catalogue; a key missing there falls back to English. */
export function translate(messages: Messages, key: MessageKey, params?: MessageParams): string {
  const template = lookup(messages, key) ?? lookup(en, key) ?? key;
  return interpolate(template, params);
}

/** A message as data (core/message-ref.ts), typed against the catalogue: for zod messages built at module load. */
export function ref(key: MessageKey, params?: MessageParams): MessageRef {
  return messageRef(key, params);
}

/** How a ref's data parameters are written in the reader's language. */
interface RefFormats {
  number(value: number): string;
  /** Delegation codes ("DE,FR") as their names in a list ("Allemagne et France"). */
  delegations(codes: readonly string[]): string;
}

/** Text that may be a message ref (field errors from forms and services): translated when it is one. */
function translateMessage(messages: Messages, text: string, formats?: RefFormats): string {
  const parsed = parseMessageRef(text);
  if (!parsed || !isMessageKey(parsed.key)) return text;
  const params = Object.fromEntries(
    Object.entries(parsed.params).map(([name, value]) => {
      if (formats && QUANTITY_PARAMS.has(name) && /^\d+$/.test(value)) return [name, formats.number(Number(value))];
      if (formats && DELEGATION_LIST_PARAMS.has(name))
        return [name, formats.delegations(value.split(",").map((code) => code.trim()))];
      // A few parameters may themselves be refs ("{max}" = "versionImport.maxSize?size=10"); the rest are data.
      return [name, NESTED_REF_PARAMS.has(name) ? translateMessage(messages, value, formats) : value];
    }),
  );
  return translate(messages, parsed.key, params);
}

type ListType = "unit" | "conjunction";

/** Numbers in t() parameters that name something rather than count it: version numbers, HTTP and close codes. */
const NOT_QUANTITIES: ReadonlySet<string> = new Set([
  "number",
  "from",
  "to",
  "status",
  "code",
  "day",
  "firstYear",
  "lastYear",
]);

/** Everything locale-dependent, bound to one locale. */
export interface I18n {
  locale: Locale;
  t(key: MessageKey, params?: MessageParams): string;
  /** A field error or other message that may be a ref (see ref()). */
  tMessage(text: string): string;
  tParts<T>(key: MessageKey, values: Readonly<Record<string, T>>): (string | T)[];
  /** "A, B, C" (unit) for names in a label; "A, B and C" / "A, B et C" (conjunction) in a sentence. */
  formatList(items: readonly string[], type?: ListType): string;
  formatNumber(value: number): string;
  /** Dates are formatted in UTC so the server render and the browser agree (no hydration mismatch). */
  formatDate(iso: string): string;
  /** An Intl.DateTimeFormat for this locale, cached by options. */
  dateTimeFormat(options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat;
  collator: Intl.Collator;
  /** A delegation's name in this language, from its code and stored (English) name (core/delegation-names.ts). */
  delegationName(code: string, name: string): string;
}

function buildI18n(locale: Locale): I18n {
  const messages = CATALOGUES[locale];
  const lists = {
    unit: new Intl.ListFormat(locale, { type: "unit", style: "short" }),
    conjunction: new Intl.ListFormat(locale, { type: "conjunction", style: "long" }),
  };
  const numbers = new Intl.NumberFormat(locale);
  const dateFormats = new Map<string, Intl.DateTimeFormat>();
  const dateTimeFormat = (options: Intl.DateTimeFormatOptions) => {
    const cacheKey = JSON.stringify(options);
    let format = dateFormats.get(cacheKey);
    if (!format) {
      format = new Intl.DateTimeFormat(locale, options);
      dateFormats.set(cacheKey, format);
    }
    return format;
  };
  // Quantities in a message are written the reader's way ("1 000 menaces", "1,5 min"), like a ref's (I18N-21).
  const withNumbers = (params?: MessageParams): MessageParams | undefined =>
    params &&
    Object.fromEntries(
      Object.entries(params).map(([name, value]) => [
        name,
        typeof value === "number" && !NOT_QUANTITIES.has(name) ? numbers.format(value) : value,
      ]),
    );
  return {
    locale,
    t: (key, params) => translate(messages, key, withNumbers(params)),
    tMessage: (text) =>
      translateMessage(messages, text, {
        number: (value) => numbers.format(value),
        // Only codes travel in a ref: English keeps them (its names are the stored ones), French names them.
        delegations: (codes) =>
          lists.conjunction.format(codes.map((code) => isolateIfNeeded(delegationNameIn(locale, code, code)))),
      }),
    tParts: (key, values) => interpolateParts(translate(messages, key), values),
    // Each item isolated: two right-to-left names would otherwise swap places around the comma between them.
    formatList: (items, type = "unit") => lists[type].format(items.map(isolateIfNeeded)),
    formatNumber: (value) => numbers.format(value),
    formatDate: (iso) => {
      const date = new Date(iso);
      return Number.isNaN(date.getTime()) ? iso : dateTimeFormat({ dateStyle: "medium", timeZone: "UTC" }).format(date);
    },
    dateTimeFormat,
    collator: new Intl.Collator(locale),
    delegationName: (code, name) => delegationNameIn(locale, code, name),
  };
}

const instances = new Map<Locale, I18n>();

/** The (cached) I18n for a locale: what loaders, actions and tests use when they hold a locale. */
export function createI18n(locale: Locale): I18n {
  let instance = instances.get(locale);
  if (!instance) {
    instance = buildI18n(locale);
    instances.set(locale, instance);
  }
  return instance;
}

/** The I18n of the current request (server render) or page (browser). */
export const i18n = (): I18n => createI18n(currentLocale());

export function t(key: MessageKey, params?: MessageParams): string {
  return i18n().t(key, params);
}

/** A field error or service message: translated when it is a message ref, else shown as it is. */
export function tMessage(text: string): string {
  return i18n().tMessage(text);
}

/** t() for messages with element parameters: the parts in the catalogue's order (see interpolateParts). */
export function tParts<T>(key: MessageKey, values: Readonly<Record<string, T>>): (string | T)[] {
  return i18n().tParts(key, values);
}

/** A list of names or values in the locale's way (never join(", ") in UI code). */
export function formatList(items: readonly string[], type: ListType = "unit"): string {
  return i18n().formatList(items, type);
}

/** A number with the locale's separators ("1,234.5" / "1 234,5"). */
export function formatNumber(value: number): string {
  return i18n().formatNumber(value);
}

/** Dates are formatted in UTC so the server render and the browser agree (no hydration mismatch). */
export function formatDate(iso: string): string {
  return i18n().formatDate(iso);
}

/** Compares names in the current locale's order. */
export function compareNames(a: string, b: string): number {
  return i18n().collator.compare(a, b);
}

/** A delegation's name in the current language, from its code and stored (English) name (I18N-11). */
export function delegationName(code: string, name: string): string {
  return i18n().delegationName(code, name);
}
