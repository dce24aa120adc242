/** Account setting: the language of the interface and of exports (posts to /locale, like the header switch). */
import { Form } from "@remix-run/react";
import { LOCALES, t, type Locale } from "~/i18n";
import { CsrfField } from "../csrf-field";

export function LanguageForm({ locale }: { locale: Locale }) {
  return (
    <Form method="post" action="/locale" reloadDocument className="language-form" aria-labelledby="language-heading">
      <h2 id="language-heading">{t("account.languageHeading")}</h2>
      <CsrfField />
      <input type="hidden" name="next" value="/account" />
      <div className="form-field">
        <label htmlFor="account-locale">{t("account.languageLabel")}</label>
        <select id="account-locale" name="locale" defaultValue={locale} data-testid="account-locale">
          {LOCALES.map((option) => (
            <option key={option} value={option} lang={option}>
              {t(`languages.${option}`)}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className="button">
        {t("account.languageSave")}
      </button>
    </Form>
  );
}
