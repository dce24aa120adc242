/** Activity entries as sentences, newest first. */
import { t } from "~/i18n";
import { activitySentence } from "~/lib/activity-sentence";
import type { ActivityItem } from "../../../core/services";

interface Props {
  items: readonly ActivityItem[];
  instrumentNames: Readonly<Record<string, string>>;
}

export function ActivityList({ items, instrumentNames }: Props) {
  if (items.length === 0) return <p className="muted">{t("activity.empty")}</p>;
  const now = new Date();
  const nameOf = (id: string) => instrumentNames[id];
  return (
    <ol className="activity-list" data-testid="activity-list">
      {items.map((item) => (
        // Times are shown in the reader's time zone: the server's render may differ, the browser's wins.
        <li
          key={item.id}
          className="activity-entry"
          data-testid="activity-entry"
          data-kind={item.kind}
          suppressHydrationWarning
        >
          {activitySentence(item, nameOf, now)}
        </li>
      ))}
    </ol>
  );
}
