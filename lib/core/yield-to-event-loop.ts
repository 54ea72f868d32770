// Issue 14 (bench:watch): a Prisma query on SQLite never gives the event loop a turn.
// better-sqlite3 is synchronous and the adapter answers with an already-resolved promise,
// so a chain of awaited queries runs as one stretch of microtasks: 300 queries in a row
// let no timer, socket or HTTP request in. Background work (the scheduled re-check, the
// drift watch, the readiness verdict pass) awaits backgroundTurn (background-turn.ts)
// between its units: this turn, then a moment when no page request is open.

/** Resolves on the event loop's next check phase, after pending I/O callbacks have run. */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
