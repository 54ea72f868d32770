// Issue 14 §1: the daily re-check of every domain, as plain logic. At most `concurrency`
// domains are checked at once; domains already checked by the scheduler since the slot was
// first claimed are skipped, so an instance that takes over a job another one died in
// re-checks only what is left (idempotent, nothing doubled). Each stored check is handed
// to `watch` (drift and expiry detection) right after it is stored; a domain whose check
// was stored but not watched (the instance died in between) is only watched.

import { backgroundTurn } from "@/lib/core/background-turn";

export interface RecheckDomain {
  id: string;
  name: string;
}

export type CheckOutcome = "stored" | "failed" | "busy";

export interface RecheckDeps {
  domains(): Promise<RecheckDomain[]>;
  /** The domains the scheduler has checked (stored) since `since`, by id: true when the
   * watch of that check has run too. */
  checkedSince(since: Date): Promise<Map<string, boolean>>;
  /** Runs the full check of one domain and stores it; "busy": a check of it is running. */
  checkOne(domain: RecheckDomain): Promise<CheckOutcome>;
  watch(domain: RecheckDomain): Promise<void>;
  concurrency: number;
  signal: AbortSignal;
  /** A busy domain is tried again this many times, this far apart (default 8 × 5 s). */
  busyRetries?: number;
  busyWaitMs?: number;
  sleep?: (ms: number) => Promise<void>;
  onError?: (domain: RecheckDomain, e: unknown) => void;
}

export interface RecheckSummary {
  domains: number;
  /** Checked (and stored) by this run. */
  checked: number;
  /** Already checked in this slot (a resumed run, or by a stalled instance meanwhile). */
  skipped: number;
  /** Of those, checked but not yet watched: watched by this run. */
  watchedOnly: number;
  failed: number;
  /** Still being checked by someone else after the retries. */
  busy: number;
}

const realSleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export async function recheckAll(deps: RecheckDeps, since: Date): Promise<RecheckSummary> {
  const all = await deps.domains();
  const done = await deps.checkedSince(since);
  const todo = all.filter((d) => !done.has(d.id));
  const unwatched = all.filter((d) => done.get(d.id) === false);
  const out: RecheckSummary = {
    domains: all.length,
    checked: 0,
    skipped: all.length - todo.length,
    watchedOnly: 0,
    failed: 0,
    busy: 0,
  };
  const sleep = deps.sleep ?? realSleep;
  const retries = deps.busyRetries ?? 8;
  const waitMs = deps.busyWaitMs ?? 5000;

  async function watch(d: RecheckDomain): Promise<void> {
    await backgroundTurn();
    try {
      await deps.watch(d);
    } catch (e) {
      deps.onError?.(d, e);
    }
  }

  async function one(d: RecheckDomain): Promise<void> {
    for (let attempt = 0; ; attempt++) {
      let outcome: CheckOutcome;
      // Starting and storing a check, and the watch, are runs of database statements that
      // never yield on SQLite: page requests get a turn before each.
      await backgroundTurn();
      try {
        outcome = await deps.checkOne(d);
      } catch (e) {
        deps.onError?.(d, e);
        outcome = "failed";
      }
      if (outcome === "busy" && attempt < retries && !deps.signal.aborted) {
        await sleep(waitMs);
        // The check that kept it busy may be a stalled instance's, still running after that
        // instance lost the job's lease: once it is stored, this slot has its check.
        const stored = (await deps.checkedSince(since)).get(d.id);
        if (stored !== undefined) {
          out.skipped++;
          if (!stored) {
            out.watchedOnly++;
            await watch(d);
          }
          return;
        }
        continue;
      }
      if (outcome === "stored") {
        out.checked++;
        await watch(d);
      } else if (outcome === "failed") out.failed++;
      else out.busy++;
      return;
    }
  }

  let next = 0;
  let nextWatch = 0;
  const worker = async () => {
    while (nextWatch < unwatched.length && !deps.signal.aborted) {
      const d = unwatched[nextWatch++];
      if (d) {
        out.watchedOnly++;
        await watch(d);
      }
    }
    while (next < todo.length && !deps.signal.aborted) {
      const d = todo[next++];
      if (d) await one(d);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, deps.concurrency) }, worker));
  if (deps.signal.aborted) throw deps.signal.reason ?? new Error("the re-check was stopped");
  return out;
}

/** The job's verdict: an error message when a check failed, else null. */
export function recheckProblem(s: RecheckSummary): string | null {
  if (s.failed === 0) return null;
  return `${s.failed} of ${s.domains} domain checks failed (see the server log)`;
}
