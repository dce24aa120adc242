/**
 * Edits the server refused (COLLAB-29): they are not resent, and not thrown away either. The text of every field
 * they touched is shown, selectable, so its author can copy it back into the board as saved; discarding them
 * takes a second click.
 */
import { useId, useState } from "react";
import { t } from "~/i18n";
import type { RefusedEdits } from "~/hooks/use-refused-edits";
import { CloseCode } from "../../../core/collab-protocol";

const FIELD_LABEL = { title: "grid.title", description: "grid.description", notes: "grid.notes" } as const;

export function RefusedEditsPanel({ refused }: { refused: RefusedEdits }) {
  const headingId = useId();
  const [confirming, setConfirming] = useState(false);
  const { summary } = refused;
  if (refused.count === 0 || !summary) return null;
  const tooLarge = refused.code === CloseCode.tooLarge || refused.code === CloseCode.messageTooBig;
  return (
    <section className="banner banner-warning" data-testid="refused-edits" aria-labelledby={headingId}>
      <h2 id={headingId}>
        {refused.count === 1 ? t("refusedEdits.headingOne") : t("refusedEdits.headingMany", { count: refused.count })}
      </h2>
      <p>{tooLarge ? t("refusedEdits.whyTooLarge") : t("refusedEdits.whyRefused")}</p>
      {summary.texts.map((entry) => (
        <label key={`${entry.rowId}-${entry.field}`} data-testid="refused-text">
          {t("refusedEdits.field", { field: t(FIELD_LABEL[entry.field]), row: entry.rowTitle.slice(0, 80) })}
          <textarea readOnly value={entry.text} rows={Math.min(6, 1 + entry.text.split("\n").length)} />
        </label>
      ))}
      {summary.otherChanges > 0 && <p>{t("refusedEdits.otherChanges", { count: summary.otherChanges })}</p>}
      {confirming ? (
        <p>
          {t("refusedEdits.confirm")}{" "}
          <button type="button" data-testid="confirm-discard-refused" onClick={refused.discard}>
            {t("refusedEdits.discardForGood")}
          </button>{" "}
          <button type="button" onClick={() => setConfirming(false)}>
            {t("common.cancel")}
          </button>
        </p>
      ) : (
        <button type="button" data-testid="discard-refused" onClick={() => setConfirming(true)}>
          {t("refusedEdits.discard")}
        </button>
      )}
    </section>
  );
}
