/**
 * An instrument's details as one line ("NATO · Treaty article · 1949 · Art. 5"):
 * the fields that are set, in a fixed order, with the catalogue's separator.
 * Shared by the chip (tooltip and screen-reader description) and the picker.
 */
import { isMessageKey, t } from "../i18n";
import type { InstrumentInfo } from "../../core/services";

type Details = Pick<InstrumentInfo, "owner" | "kind" | "year" | "reference" | "custom">;

export function instrumentDetails(instrument: Details, options: { owner?: boolean } = {}): string {
  const parts = [
    options.owner === false ? "" : t(`owner.${instrument.owner}`),
    kindLabel(instrument),
    // A year, not a quantity: no thousands separator.
    instrument.year === null ? "" : String(instrument.year),
    instrument.reference,
    instrument.custom ? t("instruments.custom") : "",
  ];
  return parts.filter((part) => part.trim() !== "").join(t("common.separator"));
}

/** A library instrument's kind is a catalogue code, worded in the reader's language (I18N-15); a custom one's as typed. */
function kindLabel({ kind, custom }: Pick<Details, "kind" | "custom">): string {
  const key = `instrumentKind.${kind}`;
  return !custom && isMessageKey(key) ? t(key) : kind;
}
