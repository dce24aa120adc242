/**
 * Keeps keyboard focus inside a panel when the element that had it goes away
 * (a form that closes after submitting, a thread that moves to "resolved"):
 * focus moves to the heading of its section ([data-section] h3), else to the
 * fallback. Focus the user moved elsewhere is left alone.
 */
import { useEffect, type RefObject } from "react";

export function useFocusKeeper(panelRef: RefObject<HTMLElement>, fallbackRef: RefObject<HTMLElement>): void {
  useEffect(() => {
    const panel = panelRef.current;
    if (!panel) return;
    let last: HTMLElement | null = null;
    let section: HTMLElement | null = null;
    const onFocusIn = (event: FocusEvent) => {
      if (!(event.target instanceof HTMLElement)) return;
      last = event.target;
      section = event.target.closest<HTMLElement>("[data-section]");
    };
    const observer = new MutationObserver(() => {
      const active = document.activeElement;
      if (!last || last.isConnected || (active && active !== document.body)) return;
      last = null;
      const heading = section?.isConnected ? section.querySelector<HTMLElement>("h3") : null;
      (heading ?? fallbackRef.current)?.focus();
    });
    panel.addEventListener("focusin", onFocusIn);
    observer.observe(panel, { childList: true, subtree: true });
    return () => {
      panel.removeEventListener("focusin", onFocusIn);
      observer.disconnect();
    };
  }, [panelRef, fallbackRef]);
}
