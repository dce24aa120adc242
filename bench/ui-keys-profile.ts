/**
 * Where a keystroke's time goes on a board (issue 11's interaction path): A types in the first title while
 * B watches it; both pages are CPU-profiled (CDP) and every keystroke is stamped at A's keydown, A's socket
 * send, B's socket receive and B's field showing it. Prints the split (median, ms) and each page's top
 * functions by self time, and writes the two profiles (open them in Chromium's DevTools, Performance panel;
 * with `npx remix build --sourcemap` first, the names are the source's). A script, not a test.
 *
 *   tsx bench/ui-keys-profile.ts [threats=1000] [keystrokes=40] [directory for the .cpuprofile files]
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Browser, CDPSession, Page } from "@playwright/test";
import { SESSION_COOKIE } from "../core/cookies";
import { launchBenchBrowser, mainThreadMs, median, topFunctions } from "./cpu-profile";
import { editableAt, installLoadProbe } from "./ui-probe";
import { seedBoard, startUiBenchServer } from "./ui-seed";

const SIZE = Number(process.argv[2] ?? 1000);
const KEYSTROKES = Number(process.argv[3] ?? 40);
const OUT = process.argv[4] ?? null;
const TITLE = '[data-testid="threat-row"] input[data-field="title"]';

declare global {
  interface Window {
    __keys: {
      keydown: number[];
      sent: number[];
      received: number[];
      shown: number[];
      /** Frames received while typing, by message type (y-websocket's, then Remit's extensions). */
      frames: Record<number, number>;
    };
  }
}

/** Installed before page scripts: stamps socket sends and receives of document updates (y-websocket frames 0/2). */
function installSocketProbe(): void {
  const keys: Window["__keys"] = { keydown: [], sent: [], received: [], shown: [], frames: {} };
  window.__keys = keys;
  const now = () => performance.timeOrigin + performance.now();
  const isUpdate = (data: unknown) => data instanceof Uint8Array && data[0] === 0 && data[1] === 2;
  const send = WebSocket.prototype.send;
  WebSocket.prototype.send = function (data) {
    if (isUpdate(data)) keys.sent.push(now());
    return send.call(this, data);
  };
  const NativeSocket = window.WebSocket;
  window.WebSocket = class extends NativeSocket {
    constructor(url: string | URL, protocols?: string | string[]) {
      super(url, protocols);
      this.addEventListener("message", (event) => {
        if (!(event.data instanceof ArrayBuffer)) return;
        const frame = new Uint8Array(event.data);
        keys.frames[frame[0]] = (keys.frames[frame[0]] ?? 0) + 1;
        if (isUpdate(frame)) keys.received.push(now());
      });
    }
  };
}

function watch(selector: string): void {
  const keys = window.__keys;
  const input = document.querySelector<HTMLInputElement>(selector)!;
  input.addEventListener("keydown", () => keys.keydown.push(performance.timeOrigin + performance.now()), {
    capture: true,
  });
  const start = input.value.length;
  const tick = () => {
    const grown = (document.querySelector<HTMLInputElement>(selector)?.value.length ?? start) - start;
    while (keys.shown.length < grown) keys.shown.push(performance.timeOrigin + performance.now());
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
}

async function open(browser: Browser, base: string, url: string, token: string): Promise<[Page, CDPSession]> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  await context.addCookies([
    { name: SESSION_COOKIE, value: token, url: base },
    { name: "remit_density", value: "compact", url: base },
  ]);
  await context.addInitScript("window.__name = (fn) => fn;");
  await context.addInitScript(installLoadProbe);
  await context.addInitScript(installSocketProbe);
  const page = await context.newPage();
  await page.goto(url, { waitUntil: "commit" });
  await page.waitForFunction(editableAt, undefined, { polling: "raf", timeout: 120_000 });
  const cdp = await context.newCDPSession(page);
  await cdp.send("Performance.enable");
  await cdp.send("Profiler.enable");
  await cdp.send("Profiler.setSamplingInterval", { interval: 200 });
  return [page, cdp];
}

async function main(): Promise<void> {
  const bench = await startUiBenchServer();
  const browser = await launchBenchBrowser();
  try {
    const boardId = await seedBoard(bench, SIZE);
    const base = bench.server.url.replace("localhost", "127.0.0.1");
    const url = `${base}/boards/${boardId}`;
    const [pageA, cdpA] = await open(browser, base, url, bench.chair.sessionToken);
    const [pageB, cdpB] = await open(browser, base, url, bench.delegate.sessionToken);
    await pageA.evaluate(watch, TITLE);
    await pageB.evaluate(watch, TITLE);
    await pageA.evaluate(() => (window.__keys.sent = []));
    await pageB.evaluate(() => (window.__keys.received = []));
    for (const page of [pageA, pageB]) await page.evaluate(() => (window.__keys.frames = {}));
    await pageA.click(TITLE);
    await pageA.keyboard.press("End");
    // The End key's keydown is not a keystroke that sends anything: counted, it shifted every pair by one.
    await pageA.evaluate(() => (window.__keys.keydown = []));
    const cpuBefore = [await mainThreadMs(cdpA), await mainThreadMs(cdpB)];
    await cdpA.send("Profiler.start");
    await cdpB.send("Profiler.start");
    if (process.env.KEYS_TRACE)
      await browser.startTracing(pageA, {
        path: process.env.KEYS_TRACE,
        categories: ["devtools.timeline", "disabled-by-default-devtools.timeline", "toplevel", "v8"],
      });
    await pageA.keyboard.type("x".repeat(KEYSTROKES), { delay: 80 });
    await pageB.waitForFunction((n) => window.__keys.shown.length >= n, KEYSTROKES, { timeout: 60_000 });
    if (process.env.KEYS_TRACE) await browser.stopTracing();
    const { profile: profileA } = await cdpA.send("Profiler.stop");
    const { profile: profileB } = await cdpB.send("Profiler.stop");
    const cpuA = ((await mainThreadMs(cdpA)) - cpuBefore[0]) / KEYSTROKES;
    const cpuB = ((await mainThreadMs(cdpB)) - cpuBefore[1]) / KEYSTROKES;
    const a = await pageA.evaluate(() => window.__keys);
    const b = await pageB.evaluate(() => window.__keys);
    const n = Math.min(a.keydown.length, a.sent.length, b.received.length, b.shown.length);
    const split = (from: number[], to: number[]) => median(Array.from({ length: n }, (_, i) => to[i] - from[i]));
    console.log(`${SIZE} threats, ${n} keystrokes (frames sent ${a.sent.length}, received ${b.received.length})`);
    console.log(`  A keydown -> A socket send   ${split(a.keydown, a.sent).toFixed(1)} ms (median)`);
    console.log(`  A send    -> B socket receive ${split(a.sent, b.received).toFixed(1)} ms`);
    console.log(`  B receive -> B field shows it ${split(b.received, b.shown).toFixed(1)} ms`);
    console.log(`  A keydown -> B field shows it ${split(a.keydown, b.shown).toFixed(1)} ms`);
    console.log(`  main-thread CPU per keystroke (profiler on): A ${cpuA.toFixed(1)} ms, B ${cpuB.toFixed(1)} ms`);
    console.log(`  frames received by type: A ${JSON.stringify(a.frames)}, B ${JSON.stringify(b.frames)}`);
    if (OUT) {
      writeFileSync(join(OUT, `keys-${SIZE}-typing.cpuprofile`), JSON.stringify(profileA));
      writeFileSync(join(OUT, `keys-${SIZE}-watching.cpuprofile`), JSON.stringify(profileB));
    }
    console.log("A (typing):");
    topFunctions(profileA as never);
    console.log("B (watching):");
    topFunctions(profileB as never);
  } finally {
    await browser.close();
    await bench.stop();
  }
}

await main();
