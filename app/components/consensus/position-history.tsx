/** Every position recorded on a row, newest first, loaded when asked for (and again when positions change). */
import { useFetcher } from "@remix-run/react";
import { useEffect, useId, useState } from "react";
import { delegationName, t } from "~/i18n";
import type { RowConsensusView } from "../../../core/consensus-contract";
import type { loader as historyLoader } from "~/routes/boards.$boardId_.position-history";
import { Message } from "../message";
import { useConsensus } from "./consensus-context";

interface Props {
  view: RowConsensusView;
  title: string;
}

export function PositionHistory({ view, title }: Props) {
  const { boardId, formatTime } = useConsensus();
  const { load, data, state } = useFetcher<typeof historyLoader>();
  const [open, setOpen] = useState(false);
  const listId = useId();
  const url = `/boards/${boardId}/position-history?rowId=${encodeURIComponent(view.rowId)}`;
  const changed = view.positions.map((p) => p.recordedAt).join();

  useEffect(() => {
    if (open) void load(url);
  }, [open, load, url, changed]);

  const history = data?.rowId === view.rowId ? data.history : null;
  return (
    <div className="position-history">
      <button
        type="button"
        className="link-button"
        aria-expanded={open}
        aria-controls={listId}
        onClick={() => setOpen((value) => !value)}
        data-testid="position-history-toggle"
      >
        {open ? t("positions.hideHistory") : t("positions.showHistory")}
      </button>
      <div id={listId} hidden={!open}>
        {open &&
          (history === null ? (
            <p className="muted">{state === "loading" ? t("positions.historyLoading") : ""}</p>
          ) : history.length === 0 ? (
            <p className="muted">{t("positions.historyEmpty")}</p>
          ) : (
            <ol
              className="position-history-list"
              aria-label={t("positions.historyFor", { title })}
              data-testid="position-history"
            >
              {history.map((entry, index) => (
                <li key={`${entry.recordedAt}-${index}`}>
                  <strong>
                    {t("positions.historyEntry", {
                      delegation: delegationName(entry.delegationCode, entry.delegationName),
                      position: t(`positions.${entry.position}`),
                    })}
                  </strong>
                  {entry.text && <span className="position-text">{entry.text}</span>}
                  <span className="position-meta muted">
                    <Message
                      id="positions.recordedBy"
                      values={{ name: <bdi>{entry.recordedByName}</bdi>, time: formatTime(entry.recordedAt) }}
                    />
                  </span>
                </li>
              ))}
            </ol>
          ))}
      </div>
    </div>
  );
}
