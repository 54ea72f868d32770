// Issue 14 §1: the daily re-check of every domain, as plain logic. At most `concurrency`
// domains are checked at once; domains already checked by the scheduler since the slot was
// first claimed are skipped, so an instance that takes over a job another one died in
// re-checks only what is left (idempotent, nothing doubled). Each stored check is handed
// to `watch` (drift and expiry detection) right after it is stored.

export interface RecheckDomain {
  id: string;
  name: string;
}

export type CheckOutcome = "stored" | "failed" | "busy";

export interface RecheckDeps {
  domains(): Promise<RecheckDomain[]>;
  /** Ids of the domains the scheduler has checked (stored) since `since`. */
  checkedSince(since: Date): Promise<Set<string>>;
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
  /** Already checked in this slot (a resumed run). */
  skipped: number;
  failed: number;
  /** Still being checked by someone else after the retries. */
  busy: number;
}

const realSleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export async function recheckAll(deps: RecheckDeps, since: Date): Promise<RecheckSummary> {
  const all = await deps.domains();
  const done = await deps.checkedSince(since);
  const todo = all.filter((d) => !done.has(d.id));
  const out: RecheckSummary = {
    domains: all.length,
    checked: 0,
    skipped: all.length - todo.length,
    failed: 0,
    busy: 0,
  };
  const sleep = deps.sleep ?? realSleep;
  const retries = deps.busyRetries ?? 8;
  const waitMs = deps.busyWaitMs ?? 5000;

  async function one(d: RecheckDomain): Promise<void> {
    for (let attempt = 0; ; attempt++) {
      let outcome: CheckOutcome;
      try {
        outcome = await deps.checkOne(d);
      } catch (e) {
        deps.onError?.(d, e);
        outcome = "failed";
      }
      if (outcome === "busy" && attempt < retries && !deps.signal.aborted) {
        await sleep(waitMs);
        continue;
      }
      if (outcome === "stored") {
        out.checked++;
        try {
          await deps.watch(d);
        } catch (e) {
          deps.onError?.(d, e);
        }
      } else if (outcome === "failed") out.failed++;
      else out.busy++;
      return;
    }
  }

  let next = 0;
  const worker = async () => {
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
