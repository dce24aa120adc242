/**
 * The page's locale as React context (root provides it from its loader data).
 * Components that hold it can use useI18n() instead of the module-level t():
 * both give the same answer, the context makes the dependency explicit.
 */
import { createContext, useContext } from "react";
import { createI18n, currentLocale, type I18n, type Locale } from "./index";

const LocaleContext = createContext<Locale | null>(null);

export const LocaleProvider = LocaleContext.Provider;

export function useLocale(): Locale {
  return useContext(LocaleContext) ?? currentLocale();
}

export function useI18n(): I18n {
  return createI18n(useLocale());
}
