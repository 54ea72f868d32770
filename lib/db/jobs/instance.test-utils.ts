// One "app instance" for the two-instance tests (issue 14 §5): a separate node process
// running the app's scheduler code (createScheduler with the JobRun claims of
// lib/db/jobs/claims.ts and the re-check logic of lib/jobs/recheck.ts, resuming through
// domainsCheckedSince) against the database in DATABASE_URL. Its one job, "recheck-test",
// re-checks every domain like the app's recheck-domains job, except that a "check" stores a
// minimal report after CHECK_MS instead of probing the network, and watching a domain
// writes a Setting row. Run: node --import tsx --conditions=react-server <this file>
import { summarize } from "@/lib/checker/index";
import { dbConfigFromEnv } from "@/lib/config/database";
import { createScheduler } from "@/lib/jobs/scheduler";
import { recheckAll } from "@/lib/jobs/recheck";
import { createDb } from "../client";
import { finishCheckRun, startCheckRun } from "../checks/checks";
import { listDomains } from "../domains/domains";
import { jobClaimStore } from "./claims";
import { domainsCheckedSince, SCHEDULER_ACTOR } from "./job-runs";
import { withLease } from "./leases";

const env = (name: string) => Number(process.env[name] ?? "");
const owner = `instance-${process.env.INSTANCE_NAME ?? process.pid}`;
const db = createDb(dbConfigFromEnv());
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const scheduler = createScheduler({
  jobs: [
    {
      name: "recheck-test",
      schedule: { kind: "daily", minuteOfDay: 0 },
      async run(ctx) {
        await recheckAll(
          {
            domains: () => listDomains(db),
            checkedSince: (since) => domainsCheckedSince(db, since),
            checkOne: async (d) => {
              const r = await withLease(db, `check:${d.id}`, owner, { ttlMs: 1000 }, async () => {
                const id = await startCheckRun(db, d.id, SCHEDULER_ACTOR);
                await sleep(env("CHECK_MS"));
                const now = new Date().toISOString();
                await finishCheckRun(db, id, {
                  domain: d.name,
                  startedAt: now,
                  finishedAt: now,
                  durationMs: 0,
                  mode: null,
                  deadlineHit: false,
                  results: [],
                  summary: summarize([]),
                });
              });
              return r.ok ? "stored" : "busy";
            },
            watch: async (d) => {
              await db.setting.create({ data: { key: `watched:${d.id}:${owner}`, value: "1" } });
            },
            concurrency: env("CONCURRENCY"),
            signal: ctx.signal,
            busyWaitMs: 200,
          },
          ctx.claimedAt,
        );
      },
    },
  ],
  store: jobClaimStore(db),
  owner,
  leaseMs: env("STS_JOB_LEASE_MS"),
  tickMs: env("STS_JOB_TICK_MS"),
});
scheduler.start();
process.stdout.write(`ready ${owner}\n`);
