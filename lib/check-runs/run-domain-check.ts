import type { Db } from "@/lib/db/client";
import type { CheckEvent, CheckReport } from "@/lib/checker/types";
import { backgroundTurn } from "@/lib/core/background-turn";
import { err, ok, type Result } from "@/lib/core/diagnostic";
import { logger } from "@/lib/log";
import {
  failCheckRun,
  finishCheckRun,
  runningCheckRun,
  startCheckRun,
} from "@/lib/db/checks/checks";
import { getDkimSelectors } from "@/lib/db/checks/dkim-selectors";
import { releaseLease, renewLease, takeLease } from "@/lib/db/jobs/leases";
import { processOwner } from "@/lib/db/jobs/owner";
import { runCheckInThread, type ThreadCheckOptions } from "@/lib/pool/check-thread";

// Step 1's "Run check" (issue 4) and the scheduled re-check (issue 14): one stored run per
// request, its events fanned out to whoever watches. The run belongs to the server, not to
// the request: a browser that goes away stops watching, the check still finishes and is
// stored.

/** What the browser receives, one JSON object per line. */
export type RunStreamEvent =
  | { type: "run"; id: string; startedAt: string }
  | CheckEvent
  | { type: "stored"; id: string }
  | { type: "failed"; id: string; message: string };

export interface ActiveRun {
  id: string;
  /** Every event so far, for a watcher that joins late. */
  events: RunStreamEvent[];
  watchers: Set<(e: RunStreamEvent) => void>;
  finished: Promise<void>;
}

/** Issue 14 §5: the "check:<domainId>" lease, renewed every third while the check runs; a
 * process killed mid-check frees the domain for another instance after this long. */
export const CHECK_LEASE_MS = 15_000;

// One map per process (kept on globalThis so dev reloads share it): the domain's run in
// progress. The database lease "check:<domainId>" is the guard across processes (several
// instances on one PostgreSQL, issue 14 §5); a "running" row nobody holds the lease for
// was left by a stopped process and is marked failed.
const holder = globalThis as unknown as { __stsActiveChecks?: Map<string, ActiveRun | null> };
const active: Map<string, ActiveRun | null> = (holder.__stsActiveChecks ??= new Map());

export const ALREADY_RUNNING =
  "A check of this domain is already running. Wait for it to finish, then run it again.";

/**
 * Starts a check of `domain` unless one is already running (an expected failure, as a
 * value). Resolves once the run is stored as "running"; the check continues in the
 * background and its events reach `watch`ers.
 */
export async function startDomainCheck(
  db: Db,
  domain: { id: string; name: string },
  actor: string,
  options: ThreadCheckOptions,
): Promise<Result<ActiveRun>> {
  // Claimed synchronously, before any await: two requests in one process cannot both pass.
  if (active.has(domain.id)) return err(ALREADY_RUNNING);
  active.set(domain.id, null);
  let id: string;
  let dkimSelectors: string[];
  const leaseKey = `check:${domain.id}`;
  const owner = processOwner();
  try {
    if (!(await takeLease(db, leaseKey, owner, CHECK_LEASE_MS))) {
      active.delete(domain.id);
      return err(ALREADY_RUNNING);
    }
    // Holding the lease, any run still "running" belongs to a process that stopped.
    await runningCheckRun(db, domain.id, 0);
    dkimSelectors = await getDkimSelectors(db, domain.id);
    id = await startCheckRun(db, domain.id, actor);
  } catch (e) {
    active.delete(domain.id);
    await releaseLease(db, leaseKey, owner).catch(() => undefined);
    throw e;
  }
  const renew = setInterval(
    () => void renewLease(db, leaseKey, owner, CHECK_LEASE_MS).catch(() => undefined),
    CHECK_LEASE_MS / 3,
  );
  renew.unref();

  const run: ActiveRun = { id, events: [], watchers: new Set(), finished: Promise.resolve() };
  const publish = (e: RunStreamEvent) => {
    run.events.push(e);
    for (const w of run.watchers) w(e);
  };
  publish({ type: "run", id, startedAt: new Date().toISOString() });
  active.set(domain.id, run);

  run.finished = (async () => {
    let report: CheckReport | null = null;
    let last: RunStreamEvent;
    try {
      // No request signal here on purpose: the run outlives the browser. The probes run in
      // the check thread (lib/pool/check-thread.ts); the events and the storing stay here.
      for await (const event of runCheckInThread(domain.name, { ...options, dkimSelectors })) {
        if (event.type === "done") report = event.report;
        publish(event);
      }
      if (report === null) throw new Error("the check ended without a report");
      // Storing is a run of statements that never yields on SQLite: after the requests
      // being answered (lib/core/background-turn.ts).
      await backgroundTurn();
      await finishCheckRun(db, id, report, "done");
      last = { type: "stored", id };
    } catch (e) {
      logger.error({ err: e, runId: id, domain: domain.name }, "check run failed");
      await failCheckRun(db, id).catch(() => undefined);
      last = { type: "failed", id, message: "The check stopped because of an error on our side." };
    }
    // The domain is free before anyone hears the run ended: a check started on "stored"
    // is never refused as already running.
    clearInterval(renew);
    await releaseLease(db, leaseKey, owner).catch(() => undefined);
    active.delete(domain.id);
    publish(last);
    run.watchers.clear();
  })();
  return ok(run);
}

/** Replays what happened so far, then follows live; returns the function that stops it. */
export function watchRun(run: ActiveRun, watcher: (e: RunStreamEvent) => void): () => void {
  for (const e of run.events) watcher(e);
  const last = run.events.at(-1);
  if (last?.type === "stored" || last?.type === "failed") return () => undefined;
  run.watchers.add(watcher);
  return () => run.watchers.delete(watcher);
}

/** NDJSON body for a Response: one event per line, closed after "stored" or "failed". */
export function runEventStream(run: ActiveRun): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let stop: () => void = () => undefined;
  return new ReadableStream<Uint8Array>({
    start(controller) {
      stop = watchRun(run, (e) => {
        try {
          controller.enqueue(encoder.encode(`${JSON.stringify(e)}\n`));
          if (e.type === "stored" || e.type === "failed") controller.close();
        } catch {
          stop(); // the browser went away; the run carries on
        }
      });
    },
    cancel() {
      stop();
    },
  });
}
