/**
 * The server side of the per-request locale. entry.server renders each document
 * inside runWithLocale(locale, …): an AsyncLocalStorage scope, so concurrent
 * renders in English and French never see each other's language (a module-global
 * would). Loaders and actions do not run inside that scope: they call
 * requestI18n(request) and pass `locale` on to services (exports).
 */
import { AsyncLocalStorage } from "node:async_hooks";
import { LOCALE_COOKIE, negotiateLocale, type Locale } from "../../core/locale";
import { readCookie, serializeCookie } from "../../core/cookies";
import { createI18n, setServerLocaleSource, type I18n } from "./index";

const storage = new AsyncLocalStorage<Locale>();
setServerLocaleSource(() => storage.getStore());

export function runWithLocale<T>(locale: Locale, render: () => T): T {
  return storage.run(locale, render);
}

/** The locale a request asks for without looking up the account: cookie, then Accept-Language. */
export function requestLocale(request: Request, userLocale?: string | null): Locale {
  return negotiateLocale({
    userLocale,
    cookie: readCookie(request.headers.get("Cookie"), LOCALE_COOKIE),
    acceptLanguage: request.headers.get("Accept-Language"),
  });
}

export function requestI18n(request: Request, userLocale?: string | null): I18n {
  return createI18n(requestLocale(request, userLocale));
}

const ONE_YEAR = 365 * 24 * 60 * 60;

/** Remembers a choice of language (the header switch, the account setting, sign-in). */
export function localeCookie(locale: Locale, secure: boolean): string {
  return serializeCookie(LOCALE_COOKIE, locale, { maxAge: ONE_YEAR, secure });
}
