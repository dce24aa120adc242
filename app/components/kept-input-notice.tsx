/**
 * FORMS-2: after signing in again, the page where a submission met the ended session shows what was typed in
 * it, selectable, so nothing is typed twice. Rendered for a signed-in person only; it is theirs alone.
 */
import { useLocation } from "@remix-run/react";
import { useEffect, useId, useState } from "react";
import { t } from "~/i18n";
import { forgetKeptInput, readKeptInput, rememberSignedInUser, type KeptInput } from "~/lib/kept-after-sign-in";

export function KeptInputNotice({ userId }: { userId: string }) {
  const { pathname, search } = useLocation();
  const [kept, setKept] = useState<KeptInput | null>(null);
  const headingId = useId();
  useEffect(() => {
    rememberSignedInUser(userId);
    setKept(readKeptInput(userId, pathname + search));
    return () => rememberSignedInUser(null);
  }, [userId, pathname, search]);
  if (!kept) return null;
  const dismiss = () => {
    forgetKeptInput();
    setKept(null);
  };
  return (
    <section className="banner banner-warning" data-testid="kept-input" aria-labelledby={headingId}>
      <h2 id={headingId}>{t("keptInput.heading")}</h2>
      <p>{t("keptInput.intro")}</p>
      {kept.fields.map((field, index) => (
        <label key={index} data-testid="kept-field">
          {field.label}
          <textarea readOnly value={field.value} rows={Math.min(6, 1 + field.value.split("\n").length)} />
        </label>
      ))}
      <button type="button" data-testid="dismiss-kept-input" onClick={dismiss}>
        {t("keptInput.dismiss")}
      </button>
    </section>
  );
}
