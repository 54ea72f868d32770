import { readdirSync, readFileSync } from "node:fs";
import { defineConfig } from "@playwright/test";

// End-to-end tests against the production build in Debian's Chromium (/usr/bin/chromium).
// Specs share one app and database and run two at a time, so every spec seeds what it
// needs under names of its own (e2e/README.md). The "first-run" project creates the admin
// on the fresh database once; every other spec runs after it (also when only one spec file
// is selected on the command line). Specs that start the lab world (DNS, HTTPS and SMTP servers on
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
    // Listed before "app" so its specs start first, one at a time, beside the app specs on
    // the other worker: listed last, they ran alone at the end with the other worker idle.
    { name: "world", testMatch: WORLD, workers: 1, dependencies: ["first-run"] },
    {
      name: "app",
      testMatch: "**/*.spec.ts",
      testIgnore: ["01-first-run.spec.ts", ...WORLD],
      dependencies: ["first-run"],
    },
  ],
  // Two workers (issue 13). A spec that seeds through a CLI script or lib/db (40, 45, 46, 47)
  // writes from a process of its own while the app writes for the other worker: every
  // SQLite connection begins its transactions IMMEDIATE and waits for the other's write lock
  // (lib/db/sqlite-adapter.ts), so neither side meets SQLITE_BUSY.
  workers: 2,
  fullyParallel: false,
  forbidOnly: true,
  retries: 0,
  // Two workers, their browsers, the app and a seeding process share the machine: a long
  // flow (04-roles' three session ends, 45-browser-hardening's page sweep, a spec that seeds
  // weeks of reports first) took 60-85 s on a loaded 2-core machine.
  timeout: 120_000,
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
