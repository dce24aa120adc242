/** A linked instrument: owner colour, name, details as tooltip and as text for screen readers, × to unlink. */
import { useId } from "react";
import { DESTRUCTIVE_ATTRIBUTE } from "~/hooks/use-grid-navigation";
import { t } from "~/i18n";
import { instrumentDetails } from "~/lib/instrument-details";
import type { InstrumentInfo } from "../../../core/services";

interface Props {
  instrumentId: string;
  instrument: InstrumentInfo | undefined;
  /** Null when read-only: no × button. */
  onUnlink: ((instrumentId: string) => void) | null;
}

export function InstrumentChip({ instrumentId, instrument, onUnlink }: Props) {
  const detailsId = useId();
  const name = instrument?.name ?? t("instruments.unknown", { id: instrumentId });
  const details = instrument ? instrumentDetails(instrument) : "";
  return (
    <li
      className={`chip owner-${instrument?.owner ?? "unknown"}`}
      title={details || undefined}
      data-testid="instrument-chip"
      data-instrument-id={instrumentId}
    >
      {instrument && (
        <span className="chip-owner" aria-hidden="true">
          {t(`owner.${instrument.owner}`)}
        </span>
      )}
      <span className="chip-name" title={name} aria-describedby={details ? detailsId : undefined}>
        {name}
      </span>
      {details && (
        <span id={detailsId} className="visually-hidden">
          {details}
        </span>
      )}
      {onUnlink && (
        <button
          type="button"
          className="chip-remove"
          tabIndex={-1}
          {...{ [DESTRUCTIVE_ATTRIBUTE]: "" }}
          aria-label={t("instruments.unlink", { name })}
          aria-describedby={details ? detailsId : undefined}
          onClick={() => onUnlink(instrumentId)}
        >
          <span aria-hidden="true">×</span>
        </button>
      )}
    </li>
  );
}
