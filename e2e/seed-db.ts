import { execFileSync } from "node:child_process";

// Seeding outside the app, for data the UI cannot make (a backdated policy or check, weeks
// of reports): a CLI script or lib/db code run with tsx against the e2e database. It goes
// through lib/db/client.ts like the app, so its writes and the app's (serving the other
// worker) wait for each other's SQLite write lock instead of failing (e2e/README.md).

const port = Number(process.env.E2E_PORT ?? 3100);

/** The e2e database e2e/start-server.sh creates, relative to the checkout. */
export const E2E_DB_FILE = `data/e2e-${port}/e2e.db`;

/** Runs `scripts/x.ts …` or `--eval <code>` with tsx on the e2e database; returns stdout. */
export function runSeed(args: string[]): string {
  // tsx itself, not through npx: one process less to start on a busy machine.
  return execFileSync("node_modules/.bin/tsx", ["--conditions=react-server", ...args], {
    env: { ...process.env, DATABASE_URL: `file:./${E2E_DB_FILE}` },
    encoding: "utf8",
    timeout: 120_000,
  });
}

/** lib/db code (imports with `@/`) run as a script on the e2e database; returns stdout. */
export const seedWith = (code: string): string => runSeed(["--eval", code]);
