import { defineConfig } from "@playwright/test";
import { chromiumExecutable } from "./tests/e2e/support/browser";

const port = Number(process.env.E2E_PORT ?? 3107);

export default defineConfig({
  testDir: "tests/e2e",
  // Hang guards, not budgets: the suite must pass on a busy 2-core machine.
  timeout: 300_000,
  expect: { timeout: 30_000 },
  fullyParallel: false,
  // Two spec files at a time. The specs mostly wait (sockets, debounces, auto-waiting): eight of them used 80 s of
  // CPU (server, Playwright and Chromium together) in 338 s of wall time. The whole suite, same machine and load:
  // 12.6 min with one worker, 10.2 min with two; each test is slower with two (×1.5), so no more than two.
  workers: 2,
  retries: process.env.CI ? 1 : 0,
  reporter: process.env.CI ? [["list"]] : [["list"]],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    // Recording a trace snapshots the DOM at every action, which made the specs 30–50 % slower (two specs: 199 s with
    // it, 151 s without, same machine). CI retries a failed test once with a trace; locally pass --trace=on.
    trace: "on-first-retry",
    launchOptions: {
      executablePath: chromiumExecutable(),
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  webServer: {
    command: `tsx tests/e2e/support/start-e2e-server.ts`,
    url: `http://127.0.0.1:${port}/healthz`,
    reuseExistingServer: false,
    timeout: 300_000,
    env: { PORT: String(port) },
  },
});
