/**
 * Where a filter change's time goes on a board (issue 11): fills the filter box with a word and clears it, N
 * times, timing each fill from its input event to the frame after it (as bench:ui does), with a CPU profile and
 * the renderer's own work (style, layout, paint) from a Chromium trace. A script, not a test.
 *
 *   tsx bench/ui-filter-profile.ts [threats=1000] [rounds=10] [directory for the .cpuprofile file]
 */
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { SESSION_COOKIE } from "../core/cookies";
import { launchBenchBrowser, mainThreadMs, median, topFunctions } from "./cpu-profile";
import { editableAt, installLoadProbe, measureInputs } from "./ui-probe";
import { seedBoard, startUiBenchServer } from "./ui-seed";

const SIZE = Number(process.argv[2] ?? 1000);
const ROUNDS = Number(process.argv[3] ?? 10);
const OUT = process.argv[4] ?? null;
const FILTER_BOX = 'input[type="search"]';

interface TraceEvent {
  name: string;
  ph: string;
  dur?: number;
  pid: number;
  tid: number;
  args?: { name?: string };
}

/** Total milliseconds per trace event name on the pages' main threads (nested events count in their parent too). */
function rendererWork(path: string): [string, number][] {
  const { traceEvents } = JSON.parse(readFileSync(path, "utf8")) as { traceEvents: TraceEvent[] };
  const main = new Set(
    traceEvents
      .filter((event) => event.name === "thread_name" && event.args?.name === "CrRendererMain")
      .map((event) => `${event.pid}:${event.tid}`),
  );
  const totals = new Map<string, number>();
  for (const event of traceEvents) {
    if (event.ph !== "X" || !event.dur || !main.has(`${event.pid}:${event.tid}`)) continue;
    totals.set(event.name, (totals.get(event.name) ?? 0) + event.dur / 1000);
  }
  return [...totals.entries()].sort((a, b) => b[1] - a[1]);
}

async function main(): Promise<void> {
  const bench = await startUiBenchServer();
  const browser = await launchBenchBrowser();
  const tracePath = join(OUT ?? tmpdir(), OUT ? `filter-${SIZE}.trace.json` : `remit-filter-trace-${process.pid}.json`);
  try {
    const boardId = await seedBoard(bench, SIZE);
    const base = bench.server.url.replace("localhost", "127.0.0.1");
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    await context.addCookies([
      { name: SESSION_COOKIE, value: bench.chair.sessionToken, url: base },
      { name: "remit_density", value: "compact", url: base },
    ]);
    await context.addInitScript("window.__name = (fn) => fn;");
    await context.addInitScript(installLoadProbe);
    const page = await context.newPage();
    await page.goto(`${base}/boards/${boardId}`, { waitUntil: "commit" });
    await page.waitForFunction(editableAt, undefined, { polling: "raf", timeout: 120_000 });
    await page.evaluate(measureInputs, FILTER_BOX);
    const cdp = await context.newCDPSession(page);
    await cdp.send("Performance.enable");
    const cpuBefore = await mainThreadMs(cdp);
    await cdp.send("Profiler.enable");
    await cdp.send("Profiler.setSamplingInterval", { interval: 200 });
    await cdp.send("Profiler.start");
    await browser.startTracing(page, {
      path: tracePath,
      categories: ["devtools.timeline", "disabled-by-default-devtools.timeline", "toplevel"],
    });
    const times: number[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      for (const value of ["satellite", ""]) {
        await page.fill(FILTER_BOX, value);
        await page.waitForFunction(() => window.__bench.samples.length >= 1);
        const [ms] = await page.evaluate(() => window.__bench.samples.splice(0));
        if (value) times.push(ms);
      }
    }
    await browser.stopTracing();
    const { profile } = await cdp.send("Profiler.stop");
    const cpu = (await mainThreadMs(cdp)) - cpuBefore;
    if (OUT) writeFileSync(join(OUT, `filter-${SIZE}.cpuprofile`), JSON.stringify(profile));
    console.log(
      `${SIZE} threats: filter applied median ${median(times).toFixed(1)} ms (${times.map((t) => t.toFixed(0)).join(" ")})`,
    );
    console.log(`main-thread CPU per fill and clear ${(cpu / ROUNDS).toFixed(1)} ms (profiler and tracing on)`);
    console.log(`renderer main thread over ${ROUNDS} fills and clears (ms):`);
    for (const [name, ms] of rendererWork(tracePath).slice(0, 20))
      console.log(`  ${ms.toFixed(0).padStart(7)}  ${name}`);
    console.log("CPU profile, self time:");
    topFunctions(profile as never, 20);
  } finally {
    if (!OUT) rmSync(tracePath, { force: true });
    await browser.close();
    await bench.stop();
  }
}

await main();
