/**
 * Explains a connection that will not come back by itself (permanent close), or being offline.
 * Not a live region: the board's announcer says it once (politely), see useBoardAnnouncements.
 */
import { Link, useLocation } from "@remix-run/react";
import type { ConnectionStatus, PermanentClose } from "~/hooks/use-board-connection";
import { t } from "~/i18n";
import { closeMessage, isExplainedRetry } from "~/lib/close-messages";
import { CloseCode } from "../../../core/collab-protocol";
import { withNext } from "~/lib/next-path";

interface Props {
  status: ConnectionStatus;
  permanentClose: PermanentClose | null;
  /** The server's last close code while reconnecting: a transient reason (restart, rate limit) is named. */
  lastCloseCode: number | null;
}

/** Says why the connection closed, from its code only: the server's close reason is protocol text (I18N-10). */
export function ConnectionBanner({ status, permanentClose, lastCloseCode }: Props) {
  const location = useLocation();
  if (permanentClose) {
    const signIn = permanentClose.code === CloseCode.unauthenticated;
    return (
      <div className="banner banner-error" data-testid="connection-closed" data-close-code={permanentClose.code}>
        {closeMessage(permanentClose.code)}{" "}
        {signIn ? (
          <a href={withNext("/login", location.pathname + location.search)}>{t("connection.signInAgain")}</a>
        ) : (
          <Link to="/">{t("errors.home")}</Link>
        )}
      </div>
    );
  }
  if (status !== "connected" && isExplainedRetry(lastCloseCode)) {
    return (
      <div className="banner banner-warning" data-testid="reconnecting-banner" data-close-code={lastCloseCode}>
        {closeMessage(lastCloseCode)}
      </div>
    );
  }
  if (status === "offline") {
    return <div className="banner banner-warning">{t("connection.offlineHint")}</div>;
  }
  if (status === "reconnecting") {
    return (
      <div className="banner banner-warning" data-testid="reconnecting-banner">
        {t("connection.reconnectingHint")}
      </div>
    );
  }
  return null;
}
