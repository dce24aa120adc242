/**
 * A side panel of the board (a labelled complementary region): focus moves to
 * its heading when it opens, stays in it when what had it disappears, Escape
 * closes it, and focus goes back to whatever opened it unless the user has
 * moved on meanwhile.
 */
import { useEffect, useId, useRef, type KeyboardEvent, type ReactNode } from "react";
import { useFocusKeeper } from "~/hooks/use-focus-keeper";
import { NATIVE_UNDO_ATTRIBUTE } from "~/hooks/use-undo-manager";
import { t } from "~/i18n";

interface Props {
  heading: string;
  onClose: () => void;
  closeLabel?: string;
  /** Selector of the element (tabIndex -1) to focus on open, inside the panel; default the heading. */
  initialFocus?: string;
  /** Selector of where focus goes on close when what opened the panel is gone (e.g. a button of another panel). */
  returnFocusTo?: string;
  className?: string;
  "data-testid"?: string;
  children: ReactNode;
}

export function SidePanel({
  heading,
  onClose,
  closeLabel,
  initialFocus,
  returnFocusTo,
  className,
  children,
  ...rest
}: Props) {
  const headingId = useId();
  const panelRef = useRef<HTMLElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  useFocusKeeper(panelRef, headingRef);

  useEffect(() => {
    const active = document.activeElement;
    const opener = active instanceof HTMLElement && active !== document.body ? active : null;
    const panel = panelRef.current;
    const target = initialFocus ? panel?.querySelector<HTMLElement>(initialFocus) : null;
    (target ?? headingRef.current)?.focus();
    target?.scrollIntoView({ block: "start" });
    return () => {
      const active = document.activeElement;
      // Closed from inside the panel (focus is lost with it): back to the opener.
      const focusWasInPanel = !active || active === document.body || (panel?.contains(active) ?? false);
      if (!focusWasInPanel) return;
      const target = opener?.isConnected
        ? opener
        : returnFocusTo
          ? document.querySelector<HTMLElement>(returnFocusTo)
          : null;
      target?.focus();
    };
    // Once per opening: the parent remounts the panel (key) for another row or section.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    if (event.key !== "Escape" || event.defaultPrevented) return;
    event.preventDefault();
    onClose();
  };

  const nativeUndo = { [NATIVE_UNDO_ATTRIBUTE]: "" };
  return (
    <aside
      ref={panelRef}
      className={`side-panel${className ? ` ${className}` : ""}`}
      aria-labelledby={headingId}
      onKeyDown={onKeyDown}
      {...nativeUndo}
      {...rest}
    >
      <div className="panel-heading">
        <h2 id={headingId} ref={headingRef} tabIndex={-1}>
          {heading}
        </h2>
        <button
          type="button"
          className="button button-small"
          onClick={onClose}
          aria-label={closeLabel}
          data-testid="side-panel-close"
        >
          {t("common.close")}
        </button>
      </div>
      {children}
    </aside>
  );
}
