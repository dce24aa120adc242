/**
 * Header language switch: one button per language, each named in its own
 * language (lang attribute, so screen readers pronounce it right). A full-page
 * POST: the whole page, including the browser's catalogue, changes language.
 */
import { Form, useLocation } from "@remix-run/react";
import { LOCALES } from "~/i18n";
import { useI18n } from "~/i18n/locale-context";
import { CsrfField } from "./csrf-field";

export function LanguageSwitch() {
  const { t, locale } = useI18n();
  const location = useLocation();
  return (
    <Form method="post" action="/locale" reloadDocument className="language-switch" aria-label={t("app.language")}>
      <CsrfField />
      <input type="hidden" name="next" value={location.pathname + location.search} />
      {LOCALES.map((option) => (
        <button
          key={option}
          type="submit"
          name="locale"
          value={option}
          lang={option}
          className="header-button"
          aria-pressed={option === locale}
          data-testid={`locale-${option}`}
        >
          {t(`languages.${option}`)}
        </button>
      ))}
    </Form>
  );
}
