// Issue 14 §3: a failed delivery is retried with back-off and finally marked failed, never
// dropped. The first attempt is immediate; the retries wait these minutes after a failure.
export const RETRY_MINUTES = [1, 5, 30, 120, 720] as const;

/** Attempts a delivery gets in all: the first one and one per retry. */
export const MAX_ATTEMPTS = RETRY_MINUTES.length + 1;

/** When to try again after `attempts` failed attempts, or null: give up, mark it failed. */
export function nextAttemptAfter(attempts: number, now: Date): Date | null {
  const wait = RETRY_MINUTES[attempts - 1];
  return wait === undefined ? null : new Date(now.getTime() + wait * 60_000);
}

/** A repeat of (domain, kind, subject) raised within the window is suppressed. */
export function withinRepeatWindow(lastRaisedAt: Date, now: Date, windowHours: number): boolean {
  return now.getTime() - lastRaisedAt.getTime() < windowHours * 3_600_000;
}
