/**
 * Explains a connection that will not come back by itself (permanent close), or being offline.
 * Not a live region: the board's announcer says it once (politely), see useBoardAnnouncements.
 */
import { Link, useLocation } from "@remix-run/react";
import type { ConnectionStatus, PermanentClose } from "~/hooks/use-board-connection";
import { t } from "~/i18n";
import { closeMessage } from "~/lib/board-announcements";
import { CloseCode } from "../../../core/collab-protocol";
import { withNext } from "~/lib/next-path";

interface Props {
  status: ConnectionStatus;
  permanentClose: PermanentClose | null;
}

export function ConnectionBanner({ status, permanentClose }: Props) {
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
