/** "Link instrument": a small popover with a text filter and the matching, not yet linked instruments. */
import { useId, useRef, useState, type FocusEvent, type KeyboardEvent } from "react";
import { t } from "~/i18n";
import { instrumentDetails } from "~/lib/instrument-details";
import { searchInstruments } from "~/lib/instrument-search";
import { PlusIcon } from "../icons";
import { useBoard } from "./board-context";

interface Props {
  title: string;
  linkedIds: readonly string[];
  onLink: (instrumentId: string) => void;
}

export function InstrumentPicker({ title, linkedIds, onLink }: Props) {
  const { instruments } = useBoard();
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState("");
  const toggleRef = useRef<HTMLButtonElement>(null);
  const popoverId = useId();
  const results = open ? searchInstruments(instruments, query, linkedIds) : [];

  const close = (returnFocus: boolean) => {
    setOpen(false);
    setQuery("");
    if (returnFocus) toggleRef.current?.focus();
  };
  const pick = (instrumentId: string) => {
    onLink(instrumentId);
    close(true);
  };
  const onBlur = (event: FocusEvent<HTMLDivElement>) => {
    if (!event.currentTarget.contains(event.relatedTarget as Node | null)) close(false);
  };
  const onSearchKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === "Enter") {
      event.preventDefault();
      if (results[0]) pick(results[0].id);
    } else if (event.key === "ArrowDown") {
      event.preventDefault();
      event.currentTarget.closest(".picker")?.querySelector<HTMLButtonElement>(".picker-option")?.focus();
    } else if (event.key === "Escape") {
      close(false); // the grid then returns focus to the cell
    }
  };
  const onOptionKeyDown = (event: KeyboardEvent<HTMLButtonElement>) => {
    const item = event.currentTarget.closest("li");
    const sibling =
      event.key === "ArrowDown"
        ? item?.nextElementSibling
        : event.key === "ArrowUp"
          ? item?.previousElementSibling
          : null;
    if (event.key === "Escape") close(false);
    if (!sibling) return;
    event.preventDefault();
    sibling.querySelector<HTMLButtonElement>("button")?.focus();
  };

  return (
    <div className="picker" onBlur={onBlur}>
      <button
        ref={toggleRef}
        type="button"
        className="link-button picker-toggle"
        tabIndex={-1}
        aria-expanded={open}
        aria-controls={popoverId}
        aria-label={t("instruments.linkFor", { title })}
        onClick={() => (open ? close(false) : setOpen(true))}
      >
        <PlusIcon /> {t("instruments.link")}
      </button>
      {open && (
        <div
          id={popoverId}
          className="picker-popover"
          role="group"
          aria-label={t("instruments.linkFor", { title })}
          data-testid="instrument-picker"
        >
          <input
            type="search"
            className="picker-search"
            tabIndex={-1}
            autoFocus
            aria-label={t("instruments.search")}
            placeholder={t("instruments.searchPlaceholder")}
            value={query}
            onChange={(event) => setQuery(event.target.value)}
            onKeyDown={onSearchKeyDown}
          />
          {results.length === 0 ? (
            <p className="picker-empty">{t("instruments.noResults")}</p>
          ) : (
            <ul className="picker-results">
              {results.map((instrument) => (
                <li key={instrument.id}>
                  <button
                    type="button"
                    className="picker-option"
                    tabIndex={-1}
                    data-instrument-id={instrument.id}
                    onClick={() => pick(instrument.id)}
                    onKeyDown={onOptionKeyDown}
                  >
                    <span className={`owner-badge owner-${instrument.owner}`}>{t(`owner.${instrument.owner}`)}</span>
                    <span className="picker-name">{instrument.name}</span>
                    <span className="picker-meta">{instrumentDetails(instrument, { owner: false })}</span>
                  </button>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}
