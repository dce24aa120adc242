/**
 * What the UI benchmark runs inside the page. Plain functions serialised by
 * Playwright: they may use only browser globals.
 */

declare global {
  interface Window {
    __bench: {
      longTasks: { start: number; duration: number }[];
      firstRowDom: number | null;
      firstRowPaint: number | null;
      lcp: number;
      samples: number[];
      remote: number[];
    };
  }
}

/** Installed before any page script: long tasks, the first row painted, LCP. */
export function installLoadProbe(): void {
  const bench: Window["__bench"] = {
    longTasks: [],
    firstRowDom: null,
    firstRowPaint: null,
    lcp: 0,
    samples: [],
    remote: [],
  };
  window.__bench = bench;
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) bench.longTasks.push({ start: entry.startTime, duration: entry.duration });
    }).observe({ type: "longtask", buffered: true });
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) bench.lcp = Math.max(bench.lcp, entry.startTime);
    }).observe({ type: "largest-contentful-paint", buffered: true });
  } catch {
    // Older engines: the figures stay empty.
  }
  const seen = () => {
    if (bench.firstRowDom !== null || !document.querySelector('[data-testid="threat-row"]')) return false;
    bench.firstRowDom = performance.now();
    // After the next frame has been produced: the rows are on screen.
    requestAnimationFrame(() => setTimeout(() => (bench.firstRowPaint = performance.now()), 0));
    return true;
  };
  const observer = new MutationObserver(() => {
    if (seen()) observer.disconnect();
  });
  observer.observe(document, { childList: true, subtree: true });
}

/**
 * performance.now() once the first title field can be typed in and what is typed is kept: the page is hydrated
 * and bound to the live document (data-live; edits before the sync are stored and merged by it), else false.
 */
export function editableAt(): number | false {
  const board = document.querySelector('[data-testid="board"]');
  const input = document.querySelector<HTMLInputElement>('[data-testid="threat-row"] input[data-field="title"]');
  return board?.getAttribute("data-live") === "true" && input && !input.disabled ? performance.now() : false;
}

/** performance.now() once the document has synced with the server, else false. */
export function syncedAt(): number | false {
  const status = document.querySelector('[data-testid="connection-status"]');
  return status?.getAttribute("data-synced") === "true" ? performance.now() : false;
}

/** Records, for each keydown in the element, the time until the frame after it was produced. */
export function measureKeystrokes(selector: string): void {
  const element = document.querySelector(selector)!;
  element.addEventListener(
    "keydown",
    (event) => {
      const start = event.timeStamp;
      requestAnimationFrame(() => setTimeout(() => window.__bench.samples.push(performance.now() - start), 0));
    },
    { capture: true },
  );
}

/** Same for input events (the filter box is filled in one event). */
export function measureInputs(selector: string): void {
  const element = document.querySelector(selector)!;
  window.__bench.samples = [];
  element.addEventListener(
    "input",
    (event) => {
      const start = event.timeStamp;
      requestAnimationFrame(() => setTimeout(() => window.__bench.samples.push(performance.now() - start), 0));
    },
    { capture: true },
  );
}

/** Wall-clock time (shared by both browser contexts) at each keydown. */
export function stampKeydowns(selector: string): void {
  const element = document.querySelector(selector)!;
  window.__bench.remote = [];
  element.addEventListener("keydown", () => window.__bench.remote.push(performance.timeOrigin + performance.now()), {
    capture: true,
  });
}

/** The other person: every frame, notes when the watched field grew by one more character. */
export function watchRemoteLength(selector: string): void {
  const start = (document.querySelector(selector) as HTMLInputElement).value.length;
  window.__bench.remote = [];
  const tick = () => {
    const input = document.querySelector(selector) as HTMLInputElement | null;
    const grown = (input?.value.length ?? start) - start;
    while (window.__bench.remote.length < grown) window.__bench.remote.push(performance.timeOrigin + performance.now());
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
}

/** Rows wholly on screen once the grid's top is scrolled to the top of the window. */
export function rowsVisible(): number {
  const grid = document.querySelector('[data-testid="threat-grid"]');
  if (!grid) return 0;
  window.scrollTo(0, window.scrollY + grid.getBoundingClientRect().top);
  const height = window.innerHeight;
  return Array.from(document.querySelectorAll('[data-testid="threat-row"]')).filter((row) => {
    const rect = row.getBoundingClientRect();
    return rect.height > 0 && rect.top >= 0 && rect.bottom <= height;
  }).length;
}

/** Bytes of the page's JavaScript on the wire (compressed when served so) and unpacked, and of the HTML. */
export function transferSizes(): { jsEncoded: number; jsDecoded: number; htmlEncoded: number; htmlDecoded: number } {
  const resources = performance.getEntriesByType("resource") as PerformanceResourceTiming[];
  const js = resources.filter((entry) => new URL(entry.name).pathname.endsWith(".js"));
  const navigation = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming | undefined;
  return {
    jsEncoded: js.reduce((sum, entry) => sum + entry.encodedBodySize, 0),
    jsDecoded: js.reduce((sum, entry) => sum + entry.decodedBodySize, 0),
    htmlEncoded: navigation?.encodedBodySize ?? 0,
    htmlDecoded: navigation?.decodedBodySize ?? 0,
  };
}
