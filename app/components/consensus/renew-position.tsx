/**
 * One click to give my delegation's position again on the row's current text, after an edit made the
 * standing one "given on an earlier text" (it no longer counts until renewed). Same value, same text.
 */
import { t } from "~/i18n";
import type { PositionRecord } from "../../../core/consensus-contract";
import { ConsensusForm, useConsensusFetcher } from "./consensus-form";

export function RenewPosition({ position, title }: { position: PositionRecord; title: string }) {
  const fetcher = useConsensusFetcher();
  return (
    <ConsensusForm
      fetcher={fetcher}
      intent="record-position"
      fields={{ rowId: position.rowId, position: position.position, text: position.text ?? "" }}
      className="renew-position"
    >
      <button
        type="submit"
        className="button button-small"
        disabled={fetcher.state !== "idle"}
        aria-label={t("positions.renewFor", { title, position: t(`positions.${position.position}`) })}
        data-testid="renew-position"
      >
        {t("positions.renew")}
      </button>
    </ConsensusForm>
  );
}
