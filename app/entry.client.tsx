/** Remix's default browser entry, without StrictMode (its double effects would open each board socket twice in dev). */
import { RemixBrowser } from "@remix-run/react";
import { startTransition, useLayoutEffect, type ReactNode } from "react";
import { hydrateRoot } from "react-dom/client";

/**
 * A11Y-7: the events after which React 18 hydrates the page synchronously (react-dom's discrete replayable
 * events). With single fetch, RemixBrowser suspends until the page's data is decoded; a synchronous hydration
 * that meets that suspension has no boundary to fall back on and fails the root (React error #345): the page
 * stays server HTML without its effects, so a board never connects. One Tab pressed while a busy machine was
 * still starting the page did it. Until the data is decoded these events get the browser's own behaviour only
 * (Tab moves the focus, a link navigates, a form posts), as before the scripts arrived; from then on React
 * hydrates on them as usual, so an early click still reaches its handler.
 */
const HELD_UNTIL_HYDRATED = [
  "mousedown",
  "mouseup",
  "touchcancel",
  "touchend",
  "touchstart",
  "auxclick",
  "dblclick",
  "pointercancel",
  "pointerdown",
  "pointerup",
  "dragend",
  "dragstart",
  "drop",
  "compositionend",
  "compositionstart",
  "keydown",
  "keypress",
  "keyup",
  "input",
  "textInput",
  "copy",
  "cut",
  "paste",
  "click",
  "change",
  "contextmenu",
  "reset",
  "submit",
];

/** On window, capturing: runs before React's listeners on the document. */
const holdFromReact = (event: Event) => event.stopPropagation();
for (const type of HELD_UNTIL_HYDRATED) window.addEventListener(type, holdFromReact, true);
const letThrough = () => {
  for (const type of HELD_UNTIL_HYDRATED) window.removeEventListener(type, holdFromReact, true);
};

// RemixBrowser stops suspending once the decoded data is in `__remixContext.state` (set in the same callback).
const remix = (window as unknown as { __remixContext: { state?: unknown } }).__remixContext;
if (!remix || remix.state !== undefined) letThrough();
else {
  let state: unknown;
  Object.defineProperty(remix, "state", {
    configurable: true,
    enumerable: true,
    get: () => state,
    set(value: unknown) {
      state = value;
      letThrough();
    },
  });
}

/** Renders no element of its own, so it hydrates like its children; at the latest, hydrated means live. */
function Hydrated({ children }: { children: ReactNode }) {
  useLayoutEffect(letThrough, []);
  return <>{children}</>;
}

startTransition(() => {
  hydrateRoot(
    document,
    <Hydrated>
      <RemixBrowser />
    </Hydrated>,
  );
});
