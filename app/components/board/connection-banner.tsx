/** Explains a connection that will not come back by itself (permanent close), or being offline. */
import { Link, useLocation } from "@remix-run/react";
import type { ConnectionStatus, PermanentClose } from "~/hooks/use-board-connection";
import { t } from "~/i18n";
import { CloseCode } from "~/lib/collab-protocol";
import { withNext } from "~/lib/next-path";

interface Props {
  status: ConnectionStatus;
  permanentClose: PermanentClose | null;
}

function closeMessage(close: PermanentClose): string {
  switch (close.code) {
    case CloseCode.unauthenticated:
      return t("connection.closed4401");
    case CloseCode.forbidden:
      return t("connection.closed4403");
    case CloseCode.boardNotFound:
      return t("connection.closed4404");
    default:
      return t("connection.closedOther", { code: close.code });
  }
}

export function ConnectionBanner({ status, permanentClose }: Props) {
  const location = useLocation();
  if (permanentClose) {
    const signIn = permanentClose.code === CloseCode.unauthenticated;
    return (
      <div role="alert" className="banner banner-error" data-testid="connection-closed" data-close-code={permanentClose.code}>
        {closeMessage(permanentClose)}{" "}
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
  return null;
}
