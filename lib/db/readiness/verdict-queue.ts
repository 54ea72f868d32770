import type { Db } from "../client";
import { backgroundTurn } from "@/lib/core/background-turn";
import { logger } from "@/lib/log";
import { markVerdictsDirty, recomputeVerdict } from "./verdict";

// Recomputes stored verdicts after the writes that change readiness inputs (issue 13),
// off the writer's path: a trigger only records the domain in memory and returns. Once the
// triggers have paused (VERDICT_QUIET_MS), or at the latest VERDICT_MAX_WAIT_MS after the
// first one, so that a burst (a bulk ingest, a mailbox poll, a sender posting many
// reports) is never slowed by evaluations running beside it, one statement
// marks every touched verdict stale (so other instances and the Enforce page see it), then
// each domain is recomputed once, one at a time. A failure here is logged and never reaches
// the ingestion, check or policy write that triggered it; the verdict then stays marked
// stale and is redone on the next trigger, the list's next view or the Enforce page.

/** A pass waits for this long without a trigger: reports arriving together cost one
 * recomputation per domain, after them. Measured (bench:ingest): recomputing beside a
 * stream of single reports took their p99 from 14.5 ms to 233 ms on SQLite. */
export const VERDICT_QUIET_MS = 2_000;
/** …but never longer than this after the first waiting trigger (a steady stream). */
export const VERDICT_MAX_WAIT_MS = 30_000;

interface Queue {
  names: Set<string>;
  ids: Set<string>;
  /** Ids already marked stale (the list's stale rows): recompute without marking again. */
  markedIds: Set<string>;
  running: Promise<void> | null;
  /** Time of the latest trigger and of the first one the next pass will take (0: none). */
  lastTrigger: number;
  firstPending: number;
  /** Ends the current wait early (settleVerdicts). */
  wake: (() => void) | null;
  flush: boolean;
}

const queues = new WeakMap<Db, Queue>();

function queueOf(db: Db): Queue {
  let q = queues.get(db);
  if (!q) {
    q = {
      names: new Set(),
      ids: new Set(),
      markedIds: new Set(),
      running: null,
      lastTrigger: 0,
      firstPending: 0,
      wake: null,
      flush: false,
    };
    queues.set(db, q);
  }
  return q;
}

/**
 * The readiness inputs of these domains changed (a report stored for the names, a check
 * finished or a policy saved for the ids). Returns at once; never throws.
 */
export function verdictInputsChanged(
  db: Db,
  by: { names?: readonly string[]; ids?: readonly string[] },
): void {
  const q = queueOf(db);
  for (const n of by.names ?? []) q.names.add(n);
  for (const id of by.ids ?? []) q.ids.add(id);
  triggered(q);
  start(db, q);
}

/** Recompute verdicts already known to be stale (the list found them so). */
export function refreshStaleVerdicts(db: Db, ids: readonly string[]): void {
  if (ids.length === 0) return;
  const q = queueOf(db);
  for (const id of ids) q.markedIds.add(id);
  triggered(q);
  start(db, q);
}

/** Resolves when every recomputation asked for so far is done (tests, CLI before exit). */
export async function settleVerdicts(db: Db): Promise<void> {
  const q = queueOf(db);
  q.flush = true;
  try {
    while (q.running) {
      q.wake?.();
      await q.running;
    }
  } finally {
    q.flush = false;
  }
}

function triggered(q: Queue): void {
  q.lastTrigger = Date.now();
  if (q.firstPending === 0) q.firstPending = q.lastTrigger;
}

/** Waits until the triggers pause, the longest wait is over, or someone settles. */
async function quietPeriod(q: Queue): Promise<void> {
  for (;;) {
    if (q.flush) return;
    const due = Math.min(q.lastTrigger + VERDICT_QUIET_MS, q.firstPending + VERDICT_MAX_WAIT_MS);
    const left = due - Date.now();
    if (left <= 0) return;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, left);
      q.wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
    q.wake = null;
  }
}

function start(db: Db, q: Queue): void {
  if (q.running) return;
  q.running = drain(db, q).finally(() => {
    q.running = null;
    if (q.names.size + q.ids.size + q.markedIds.size > 0) start(db, q);
  });
}

async function drain(db: Db, q: Queue): Promise<void> {
  await quietPeriod(q);
  q.firstPending = 0;
  const names = [...q.names];
  const ids = [...q.ids];
  // id → whether its inputs changed (recompute) or the list saw it stale (recompute if
  // nothing else did meanwhile).
  const todo = new Map<string, boolean>([...q.markedIds].map((id) => [id, false]));
  q.names.clear();
  q.ids.clear();
  q.markedIds.clear();
  try {
    for (const id of await markVerdictsDirty(db, { names, ids })) todo.set(id, true);
  } catch (e) {
    logger.error({ err: e }, "could not mark readiness verdicts stale");
    for (const id of ids) todo.set(id, true);
  }
  for (const [id, changed] of todo) {
    // A pass after the daily re-check recomputes every domain; its queries never give the
    // event loop a turn on SQLite, so page requests get one between two domains.
    await backgroundTurn();
    try {
      await recomputeVerdict(db, id, new Date(), !changed);
    } catch (e) {
      logger.error({ err: e, domainId: id }, "could not recompute the readiness verdict");
    }
  }
}
