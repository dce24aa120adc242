/**
 * UI benchmark (issue 11): opens 31-, 300- and 1,000-threat boards in Chromium
 * against the real server (built app, SQLite) and prints, per size, the
 * figures and their ratio to the 31-threat board measured in the same run,
 * next to the targets. A script, not a test: no thresholds, nothing fails.
 *
 *   npm run bench:ui                      (builds first)
 *   BENCH_UI_SIZES=31,300 BENCH_UI_LOADS=1 tsx bench/ui.ts
 */
import { chromium, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { SESSION_COOKIE } from "../core/cookies";
import { chromiumExecutable } from "../tests/e2e/support/browser";
import {
  editableAt,
  installLoadProbe,
  measureInputs,
  measureKeystrokes,
  rowsVisible,
  stampKeydowns,
  transferSizes,
  watchRemoteLength,
} from "./ui-probe";
import { seedBoard, startUiBenchServer, type UiBenchServer } from "./ui-seed";

const SIZES = (process.env.BENCH_UI_SIZES ?? "31,300,1000").split(",").map(Number);
const LOADS = Number(process.env.BENCH_UI_LOADS ?? 3);
const KEYSTROKES = Number(process.env.BENCH_UI_KEYSTROKES ?? 60);
/** Compact rows, as the density switch would remember them (app/lib/density.ts); harmless before it existed. */
const DENSITY_COOKIE = "remit_density";

interface Figures {
  firstRowsMs: number;
  lcpMs: number;
  editableMs: number;
  longestTaskMs: number;
  ownKeyP50: number;
  ownKeyP99: number;
  remoteKeyP50: number;
  filterMs: number;
  heapMb: number;
  jsKb: number;
  jsRawKb: number;
  htmlKb: number;
  rowsVisible: number;
}

const METRICS: { key: keyof Figures; label: string; target: string }[] = [
  { key: "firstRowsMs", label: "first paint with rows (ms)", target: "< 1000" },
  { key: "lcpMs", label: "largest contentful paint (ms)", target: "" },
  { key: "editableMs", label: "editable (ms)", target: "< 1500" },
  { key: "longestTaskMs", label: "longest main-thread task in load (ms)", target: "< 200" },
  { key: "ownKeyP50", label: "own keystroke visible p50 (ms)", target: "< 16" },
  { key: "ownKeyP99", label: "own keystroke visible p99 (ms)", target: "< 50" },
  { key: "remoteKeyP50", label: "remote keystroke visible p50 (ms)", target: "< 50" },
  { key: "filterMs", label: "filter applied (ms)", target: "< 100" },
  { key: "heapMb", label: "JS heap after load (MB)", target: "< 100" },
  { key: "jsKb", label: "board page JS on the wire (KB)", target: "< 250" },
  { key: "jsRawKb", label: "board page JS unpacked (KB)", target: "" },
  { key: "htmlKb", label: "board HTML on the wire (KB)", target: "" },
  { key: "rowsVisible", label: "rows visible 1440x900 compact", target: ">= 25" },
];

const median = (values: number[]) => quantile(values, 0.5);
function quantile(values: number[], q: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

async function signedInContext(browser: Browser, url: string, token: string): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  await context.addCookies([
    { name: SESSION_COOKIE, value: token, url },
    { name: DENSITY_COOKIE, value: "compact", url },
  ]);
  // tsx keeps function names with a helper the serialised probes would otherwise miss.
  await context.addInitScript("window.__name = (fn) => fn;");
  await context.addInitScript(installLoadProbe);
  return context;
}

async function openBoard(page: Page, url: string) {
  await page.goto(url, { waitUntil: "commit" });
  const editable = await (
    await page.waitForFunction(editableAt, undefined, { polling: "raf", timeout: 120_000 })
  ).jsonValue();
  await page.waitForFunction(() => window.__bench.firstRowPaint !== null, undefined, { timeout: 30_000 });
  const load = await page.evaluate(() => window.__bench);
  const longest = Math.max(
    0,
    ...load.longTasks.filter((task) => task.start < (editable as number)).map((task) => task.duration),
  );
  return { firstRows: load.firstRowPaint!, lcp: load.lcp, editable: editable as number, longest };
}

async function measureSize(bench: UiBenchServer, browser: Browser, size: number): Promise<Figures> {
  const boardId = await seedBoard(bench, size);
  const base = bench.server.url.replace("localhost", "127.0.0.1");
  const boardUrl = `${base}/boards/${boardId}`;
  const loads: Awaited<ReturnType<typeof openBoard>>[] = [];
  let transfer = { jsEncoded: 0, jsDecoded: 0, htmlEncoded: 0, htmlDecoded: 0 };
  let heapMb = 0;
  let visible = 0;
  for (let i = 0; i < LOADS; i++) {
    const context = await signedInContext(browser, base, bench.chair.sessionToken);
    const page = await context.newPage();
    loads.push(await openBoard(page, boardUrl));
    if (i === 0) {
      transfer = await page.evaluate(transferSizes);
      const cdp = await context.newCDPSession(page);
      await cdp.send("HeapProfiler.collectGarbage");
      heapMb = (await cdp.send("Runtime.getHeapUsage")).usedSize / 1e6;
      visible = await page.evaluate(rowsVisible);
    }
    await context.close();
  }

  // Typing: A types into the first row's title; B (another person) watches it.
  const contextA = await signedInContext(browser, base, bench.chair.sessionToken);
  const contextB = await signedInContext(browser, base, bench.delegate.sessionToken);
  const [pageA, pageB] = [await contextA.newPage(), await contextB.newPage()];
  await openBoard(pageA, boardUrl);
  await openBoard(pageB, boardUrl);
  const title = '[data-testid="threat-row"] input[data-field="title"]';
  await pageA.evaluate(measureKeystrokes, title);
  await pageA.evaluate(stampKeydowns, title);
  await pageB.evaluate(watchRemoteLength, title);
  await pageA.click(title);
  await pageA.keyboard.press("End");
  await pageA.keyboard.type("x".repeat(KEYSTROKES), { delay: 80 });
  await pageB.waitForFunction((n) => window.__bench.remote.length >= n, KEYSTROKES, { timeout: 60_000 });
  const own = await pageA.evaluate(() => window.__bench.samples);
  const sent = await pageA.evaluate(() => window.__bench.remote);
  const seen = await pageB.evaluate(() => window.__bench.remote);
  const remote = seen.map((at, i) => at - sent[i]);

  // Filter: one word typed (pasted) into the filter box, then cleared; the apply times count.
  const filterBox = 'input[type="search"]';
  await pageA.evaluate(measureInputs, filterBox);
  const filterTimes: number[] = [];
  for (let i = 0; i < 5; i++) {
    await pageA.fill(filterBox, "satellite");
    await pageA.waitForFunction((n) => window.__bench.samples.length >= n, 1);
    filterTimes.push(...(await pageA.evaluate(() => window.__bench.samples.splice(0))));
    await pageA.fill(filterBox, "");
    await pageA.waitForFunction((n) => window.__bench.samples.length >= n, 1);
    await pageA.evaluate(() => window.__bench.samples.splice(0));
  }
  await contextA.close();
  await contextB.close();

  return {
    firstRowsMs: median(loads.map((load) => load.firstRows)),
    lcpMs: median(loads.map((load) => load.lcp)),
    editableMs: median(loads.map((load) => load.editable)),
    longestTaskMs: median(loads.map((load) => load.longest)),
    ownKeyP50: median(own),
    ownKeyP99: quantile(own, 0.99),
    remoteKeyP50: median(remote),
    filterMs: median(filterTimes),
    heapMb,
    jsKb: transfer.jsEncoded / 1024,
    jsRawKb: transfer.jsDecoded / 1024,
    htmlKb: transfer.htmlEncoded / 1024,
    rowsVisible: visible,
  };
}

function printTable(results: Map<number, Figures>): void {
  const sizes = [...results.keys()];
  const reference = results.get(sizes[0])!;
  const fmt = (value: number) => (Number.isNaN(value) ? "-" : value >= 100 ? value.toFixed(0) : value.toFixed(1));
  const header = [
    "metric".padEnd(40),
    ...sizes.map((size) => `${size} rows`.padStart(10)),
    ...sizes.slice(1).map((size) => `x${size}/${sizes[0]}`.padStart(10)),
    "  target (1,000 rows)",
  ];
  console.log(header.join(""));
  for (const metric of METRICS) {
    const figures = sizes.map((size) => results.get(size)![metric.key]);
    const ratios = figures.slice(1).map((value) => value / reference[metric.key]);
    console.log(
      [
        metric.label.padEnd(40),
        ...figures.map((value) => fmt(value).padStart(10)),
        ...ratios.map((ratio) => (Number.isFinite(ratio) ? `${ratio.toFixed(2)}x` : "-").padStart(10)),
        `  ${metric.target}`,
      ].join(""),
    );
  }
}

async function main(): Promise<void> {
  const bench = await startUiBenchServer();
  const browser = await chromium.launch({
    executablePath: chromiumExecutable(),
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking"],
  });
  const results = new Map<number, Figures>();
  try {
    for (const size of SIZES) {
      console.error(`bench:ui: ${size} threats…`);
      results.set(size, await measureSize(bench, browser, size));
    }
  } finally {
    await browser.close();
    await bench.stop();
  }
  console.log(
    `\nUI benchmark, Chromium at 1440x900, median of ${LOADS} loads, ${KEYSTROKES} keystrokes, ${new Date().toISOString()}`,
  );
  printTable(results);
}

await main();
