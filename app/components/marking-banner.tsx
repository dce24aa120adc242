/** The board's marking, at the top and the bottom of every board page (MARK-4). Text, not a landmark: two per page. */
import { t } from "~/i18n";

export function MarkingBanner({ marking, position }: { marking: string; position: "top" | "bottom" }) {
  return (
    <p className="marking-banner" data-testid={`marking-banner-${position}`} data-marking={marking}>
      <span className="visually-hidden">{t("markings.bannerLabel")}: </span>
      {marking}
    </p>
  );
}
