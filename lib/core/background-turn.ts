// Issue 14 (bench:watch): people before background work. The daily re-check, the drift watch
// and the readiness pass share the one event loop with every page request; each of their
// steps (storing a check, watching a domain, recomputing a verdict) is a run of database
// statements that never yields on SQLite (yield-to-event-loop.ts). A page request that
// arrives while eight checks are finishing would wait behind all of their steps.
//
// So the HTTP server counts the requests it is answering (requestStarted, installed with the
// peer stamp in lib/http/peer-address.ts), and background work takes its next step only when
// none is open: `backgroundTurn()` resolves once the count is zero, or after `maxWaitMs`, so
// a steady stream of requests slows background work down but never stops it. In a process
// without the server (tests, scripts) the count stays zero and it is one event-loop turn.

import { yieldToEventLoop } from "./yield-to-event-loop";

interface State {
  open: number;
  /** Background steps waiting for their turn, oldest first. */
  waiting: Set<() => void>;
  pumping: boolean;
}

const state = ((globalThis as { __stsRequestsOpen?: State }).__stsRequestsOpen ??= {
  open: 0,
  waiting: new Set(),
  pumping: false,
});

/** Once no request is open, lets the waiting steps go one per event-loop turn, so a request
 * that arrives meanwhile stops the rest from starting. */
function pump(): void {
  if (state.pumping) return;
  state.pumping = true;
  const step = () => {
    const [next] = state.waiting;
    if (state.open > 0 || !next) {
      state.pumping = false;
      return;
    }
    next();
    setImmediate(step);
  };
  setImmediate(step);
}

/** A request is being answered; call the returned function once, when its answer is done. */
export function requestStarted(): () => void {
  state.open++;
  let done = false;
  return () => {
    if (done) return;
    done = true;
    state.open--;
    if (state.open === 0) pump();
  };
}

/** Requests being answered right now. */
export function requestsOpen(): number {
  return state.open;
}

/** Default longest wait: background work still moves at about one step a second under a
 * steady stream of requests. */
export const BACKGROUND_MAX_WAIT_MS = 1000;

/**
 * Resolves when background work may take its next step: after one event-loop turn, once no
 * request is open (or after maxWaitMs).
 */
export async function backgroundTurn(maxWaitMs: number = BACKGROUND_MAX_WAIT_MS): Promise<void> {
  await yieldToEventLoop();
  if (state.open === 0) return;
  await new Promise<void>((resolve) => {
    const wake = () => {
      clearTimeout(timer);
      state.waiting.delete(wake);
      resolve();
    };
    const timer = setTimeout(wake, maxWaitMs);
    state.waiting.add(wake);
  });
}
