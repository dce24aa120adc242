/** Side panel with the board's activity: loaded by a fetcher, refreshed every 10 s and on demand. */
import { useFetcher } from "@remix-run/react";
import { useCallback, useEffect, useState } from "react";
import { t } from "~/i18n";
import type { loader as activityLoader } from "~/routes/boards.$boardId_.activity";
import { ActivityList } from "../activity/activity-list";
import { DelegationFilter } from "../activity/delegation-filter";
import { SidePanel } from "../consensus/side-panel";

const REFRESH_MS = 10_000;

interface Props {
  boardId: string;
  onClose: () => void;
}

export function ActivityPanel({ boardId, onClose }: Props) {
  const { load, data, state } = useFetcher<typeof activityLoader>();
  const [delegation, setDelegation] = useState("");
  const url = `/boards/${boardId}/activity${delegation ? `?delegation=${encodeURIComponent(delegation)}` : ""}`;
  const refresh = useCallback(() => void load(url), [load, url]);

  useEffect(() => {
    refresh();
    const timer = window.setInterval(refresh, REFRESH_MS);
    return () => window.clearInterval(timer);
  }, [refresh]);

  // A side panel like the others: focus moves to its heading, Escape closes it, focus goes back to the toggle.
  return (
    <SidePanel
      heading={t("activity.heading")}
      onClose={onClose}
      returnFocusTo={`[data-testid="activity-toggle"]`}
      className="activity-panel"
      data-testid="activity-panel"
    >
      <div className="side-panel-controls">
        <DelegationFilter
          id="activity-panel-delegation"
          delegations={data?.delegations ?? []}
          value={delegation}
          onChange={setDelegation}
        />
        {/* Not disabled while loading (the 10 s refresh would take the keyboard focus away from it). */}
        <button
          type="button"
          className="button button-small"
          onClick={() => state === "idle" && refresh()}
          data-testid="activity-refresh"
        >
          {t("activity.refresh")}
        </button>
      </div>
      {data ? (
        <ActivityList items={data.items} instrumentNames={data.instrumentNames} />
      ) : (
        <p className="muted">{t("activity.loading")}</p>
      )}
    </SidePanel>
  );
}
