/**
 * The agenda for everyone, with the chair's controls: take up an item, the next item, move an item up or down,
 * remove it, add one. Buttons only (no drag): every step works from the keyboard.
 */
import { t } from "~/i18n";
import type { AgendaItemJson } from "../../../core/meeting-contract";
import { AgendaItemForm } from "./agenda-item-form";
import type { useMeetingAction } from "./meeting-action";

interface Props {
  items: readonly AgendaItemJson[];
  currentItemId: string | null;
  isChair: boolean;
  titleOf: (rowId: string) => string | null;
  rows: readonly { id: string; title: string }[];
  action: ReturnType<typeof useMeetingAction>;
}

export function AgendaSection({ items, currentItemId, isChair, titleOf, rows, action }: Props) {
  const { send } = action;
  return (
    <div className="agenda-section">
      <h3>{t("meeting.agendaHeading")}</h3>
      {items.length === 0 ? (
        <p className="muted">{t("meeting.agendaEmpty")}</p>
      ) : (
        <ol className="agenda-list" data-testid="agenda-list">
          {items.map((item, index) => {
            const current = item.id === currentItemId;
            const rowTitles = item.rowIds.map(titleOf).filter((title): title is string => title !== null);
            return (
              <li
                key={item.id}
                className={current ? "agenda-item agenda-item-current" : "agenda-item"}
                data-testid="agenda-item"
                data-current={current || undefined}
                aria-current={current ? "step" : undefined}
              >
                <span className="agenda-item-title">{t("meeting.itemLabel", { n: index + 1, title: item.title })}</span>
                {current && <span className="agenda-badge">{t("meeting.currentBadge")}</span>}
                <span className="agenda-item-rows small">{t("meeting.itemRows", { list: rowTitles.join(" · ") })}</span>
                {isChair && (
                  <span className="agenda-item-actions">
                    {!current && (
                      <button
                        type="button"
                        className="button-small"
                        onClick={() => send("set-current", { itemId: item.id })}
                      >
                        {t("meeting.take", { title: item.title })}
                      </button>
                    )}
                    <button
                      type="button"
                      className="button-small"
                      disabled={index === 0}
                      onClick={() => send("move-item", { itemId: item.id, direction: "up" })}
                    >
                      {t("meeting.moveUp", { title: item.title })}
                    </button>
                    <button
                      type="button"
                      className="button-small"
                      disabled={index === items.length - 1}
                      onClick={() => send("move-item", { itemId: item.id, direction: "down" })}
                    >
                      {t("meeting.moveDown", { title: item.title })}
                    </button>
                    <button
                      type="button"
                      className="button-small"
                      onClick={() => send("remove-item", { itemId: item.id })}
                    >
                      {t("meeting.remove", { title: item.title })}
                    </button>
                  </span>
                )}
              </li>
            );
          })}
        </ol>
      )}
      {isChair && (
        <div className="agenda-chair-controls">
          <button type="button" className="button" data-testid="agenda-next" onClick={() => send("next-item")}>
            {t("meeting.next")}
          </button>
          {currentItemId && (
            <button type="button" className="button-small" onClick={() => send("set-current", { itemId: "" })}>
              {t("meeting.closeItem")}
            </button>
          )}
          <AgendaItemForm
            rows={rows}
            fieldErrors={action.fieldErrors}
            busy={action.busy}
            succeeded={action.succeeded}
            onAdd={(title, rowIds) => send("add-item", { title, rowIds })}
          />
        </div>
      )}
    </div>
  );
}
