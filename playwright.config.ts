import { defineConfig } from "@playwright/test";

// End-to-end tests against the production build in Debian's Chromium (/usr/bin/chromium).
// One worker. The "first-run" project creates the admin on the fresh database; every other
// spec runs after it (also when only one spec file is selected on the command line).
const port = Number(process.env.E2E_PORT ?? 3100);

export const e2eDataDir = `data/e2e-${port}`;
// Parallel runs on other ports (E2E_PORT) keep their reports apart.
const suffix = process.env.E2E_PORT ? `-${port}` : "";

export default defineConfig({
  testDir: "e2e",
  projects: [
    { name: "first-run", testMatch: "01-first-run.spec.ts" },
    {
      name: "app",
      testMatch: "**/*.spec.ts",
      testIgnore: "01-first-run.spec.ts",
      dependencies: ["first-run"],
    },
  ],
  workers: 1,
  fullyParallel: false,
  forbidOnly: true,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"], ["json", { outputFile: `test-results/e2e${suffix}.json` }]],
  outputDir: `test-results/artifacts${suffix}`,
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    browserName: "chromium",
    viewport: { width: 1280, height: 800 },
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
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
    command: `bash e2e/start-server.sh ${port}`,
    url: `http://127.0.0.1:${port}/api/health`,
    timeout: 180_000,
    reuseExistingServer: false,
    stdout: "pipe",
  },
});
