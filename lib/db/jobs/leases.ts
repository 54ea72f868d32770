import type { Db } from "../client";
import { isUniqueViolation } from "../errors";

// Issue 14 §5: a named lease shared by every instance on the database. "check:<domainId>"
// keeps the one-check-per-domain rule across processes, "mailbox:<id>" keeps two
// processes from reading one IMAP mailbox at once. Taken when absent or expired (a dead
// holder stops renewing), renewed while the work goes on, released at the end.

export interface LeaseOptions {
  ttlMs: number;
  /** Renew every this many ms while the work runs; default ttlMs / 3. */
  renewMs?: number;
  now?: () => Date;
}

/** Takes `key` for `owner` unless someone else holds an unexpired lease on it. */
export async function takeLease(
  db: Db,
  key: string,
  owner: string,
  ttlMs: number,
  now: Date = new Date(),
): Promise<boolean> {
  const leaseUntil = new Date(now.getTime() + ttlMs);
  try {
    await db.lease.create({ data: { key, owner, leaseUntil } });
    return true;
  } catch (e) {
    if (!isUniqueViolation(e)) throw e;
  }
  const r = await db.lease.updateMany({
    where: { key, OR: [{ leaseUntil: { lt: now } }, { owner }] },
    data: { owner, leaseUntil },
  });
  return r.count === 1;
}

export async function renewLease(
  db: Db,
  key: string,
  owner: string,
  ttlMs: number,
  now: Date = new Date(),
): Promise<boolean> {
  const r = await db.lease.updateMany({
    where: { key, owner },
    data: { leaseUntil: new Date(now.getTime() + ttlMs) },
  });
  return r.count === 1;
}

export async function releaseLease(db: Db, key: string, owner: string): Promise<void> {
  await db.lease.deleteMany({ where: { key, owner } });
}

/**
 * Runs `work` holding `key`, renewing the lease meanwhile; `busy` when another holder has
 * it. The lease is released however `work` ends.
 */
export async function withLease<T>(
  db: Db,
  key: string,
  owner: string,
  opts: LeaseOptions,
  work: () => Promise<T>,
): Promise<{ ok: true; value: T } | { ok: false; busy: true }> {
  const now = opts.now ?? (() => new Date());
  if (!(await takeLease(db, key, owner, opts.ttlMs, now()))) return { ok: false, busy: true };
  const timer = setInterval(
    () => void renewLease(db, key, owner, opts.ttlMs, now()).catch(() => undefined),
    opts.renewMs ?? Math.max(10, Math.floor(opts.ttlMs / 3)),
  );
  timer.unref?.();
  try {
    return { ok: true, value: await work() };
  } finally {
    clearInterval(timer);
    await releaseLease(db, key, owner).catch(() => undefined);
  }
}
