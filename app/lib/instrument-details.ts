/**
 * An instrument's details as one line ("NATO · Treaty article · 1949 · Art. 5"):
 * the fields that are set, in a fixed order, with the catalogue's separator.
 * Shared by the chip (tooltip and screen-reader description) and the picker.
 */
import { t } from "../i18n";
import type { InstrumentInfo } from "../../core/services";

type Details = Pick<InstrumentInfo, "owner" | "kind" | "year" | "reference" | "custom">;

export function instrumentDetails(instrument: Details, options: { owner?: boolean } = {}): string {
  const parts = [
    options.owner === false ? "" : t(`owner.${instrument.owner}`),
    instrument.kind,
    // A year, not a quantity: no thousands separator.
    instrument.year === null ? "" : String(instrument.year),
    instrument.reference,
    instrument.custom ? t("instruments.custom") : "",
  ];
  return parts.filter((part) => part.trim() !== "").join(t("common.separator"));
}
