/**
 * Small indicator of the live connection: colour + text. Not a live region (every
 * reconnect attempt would be read out): useBoardAnnouncements says what matters.
 */
import type { ConnectionStatus as Status } from "~/hooks/use-board-connection";
import { t } from "~/i18n";

interface Props {
  status: Status;
  synced: boolean;
}

export function ConnectionStatus({ status, synced }: Props) {
  const label = status === "connected" && !synced ? t("connection.loading") : t(`connection.${status}`);
  return (
    <div
      className={`connection connection-${status}`}
      data-testid="connection-status"
      data-status={status}
      data-synced={synced}
    >
      <span className="connection-dot" aria-hidden="true" />
      {label}
    </div>
  );
}
