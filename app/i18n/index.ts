/**
 * The one translation layer. Components call t("section.key", params).
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

/** Translation for an explicit catalogue (tests, future per-request locale). */
export function translate(messages: Messages, key: MessageKey, params?: MessageParams): string {
  const template = lookup(messages, key) ?? lookup(en, key) ?? key;
  return interpolate(template, params);
}

export function t(key: MessageKey, params?: MessageParams): string {
  return translate(CATALOGUES[LOCALE], key, params);
}

const dateFormat = new Intl.DateTimeFormat(LOCALE, { dateStyle: "medium", timeZone: "UTC" });

/** Dates are formatted in UTC so the server render and the browser agree (no hydration mismatch). */
export function formatDate(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : dateFormat.format(date);
}
