import { readdirSync, readFileSync } from "node:fs";
import { defineConfig } from "@playwright/test";

// End-to-end tests against the production build in Debian's Chromium (/usr/bin/chromium).
// Specs share one app and database, so every spec seeds what it needs under names
// of its own (e2e/README.md). The "first-run" project creates the admin on the fresh
// database once; every other spec runs after it (also when only one spec file is selected
// on the command line). Specs that start the lab world (DNS, HTTPS and SMTP servers on
// 127.x.y.z:25/:443, and the app's checker settings file) run one at a time in "world".
const port = Number(process.env.E2E_PORT ?? 3100);

const SPECS = readdirSync("e2e").filter((f) => f.endsWith(".spec.ts"));
const WORLD = SPECS.filter((f) => readFileSync(`e2e/${f}`, "utf8").includes("startTestWorld("));

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
      testIgnore: ["01-first-run.spec.ts", ...WORLD],
      dependencies: ["first-run"],
    },
    { name: "world", testMatch: WORLD, workers: 1, dependencies: ["first-run"] },
  ],
  // One worker for now: with two, a spec's seeding process (tsx, its own SQLite connection)
  // and the app writing for the other worker met SQLITE_BUSY in CI (issue 13 stays open on
  // this). Specs still seed themselves, so any spec runs alone.
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
    // The UI follows the browser's language (issue 16 §6): the specs read English, except
    // 50-german.spec.ts, which asks for German.
    locale: "en-US",
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
