import { Prisma } from "@/prisma/generated/sqlite/client";
import type { Db } from "../client";
import { isForeignKeyViolation, isUniqueViolation } from "../errors";
import { settings } from "@/lib/config/settings";
import type { Readiness } from "@/lib/readiness/types";
import { addDays, utcDay } from "@/lib/stats/date-range";
import { getReadiness } from "./get-readiness";

// The stored READY-1..7 verdict (DomainVerdict, issue 13). The domain list reads it; only
// recomputeVerdict and the Enforce page (reconcileVerdict) evaluate readiness, through the
// one entry point getReadiness. Writes that change readiness inputs bump inputsVersion
// (markVerdictsDirty); a recomputation stores the inputsVersion it read before evaluating,
// so a write that lands during the evaluation leaves the verdict stale, never falsely fresh.

/** Bump when the READY rules change meaning, so verdicts stored by older code are redone. */
export const VERDICT_RULES_VERSION = 1;

/** What the domain list shows of a stored verdict. */
export interface StoredVerdict {
  ready: boolean;
  met: number;
  total: number;
  /** Criterion ids not met (READY-*), in criterion order. */
  open: string[];
  summary: string;
  computedAt: Date;
  /** Inputs changed, the day turned, the check aged out, or the rules changed since. */
  stale: boolean;
}

export interface VerdictRow {
  inputsVersion: number;
  computedVersion: number;
  rulesVersion: number;
  ready: boolean;
  metCount: number;
  total: number;
  unmet: string;
  summary: string;
  computedAt: Date | null;
  staleAfter: Date | null;
}

export function isStale(row: VerdictRow | null, now: Date): boolean {
  return (
    row === null ||
    row.computedAt === null ||
    row.computedVersion < row.inputsVersion ||
    row.rulesVersion !== VERDICT_RULES_VERSION ||
    (row.staleAfter !== null && row.staleAfter.getTime() <= now.getTime())
  );
}

/** The row as the list shows it; null when it was never computed. */
export function toStoredVerdict(row: VerdictRow | null, now: Date): StoredVerdict | null {
  if (row === null || row.computedAt === null) return null;
  return {
    ready: row.ready,
    met: row.metCount,
    total: row.total,
    open: parseIds(row.unmet),
    summary: row.summary,
    computedAt: row.computedAt,
    stale: isStale(row, now),
  };
}

function parseIds(json: string): string[] {
  try {
    const v: unknown = JSON.parse(json);
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : [];
  } catch {
    return [];
  }
}

/** The fields of a verdict computed from `r`, as the list shows them. */
export function verdictOf(
  r: Readiness,
): Pick<StoredVerdict, "ready" | "met" | "total" | "open" | "summary"> {
  const open = r.criteria.filter((c) => c.status !== "met");
  return {
    ready: r.ready,
    met: r.metCount,
    total: r.criteria.length,
    open: open.map((c) => c.id),
    summary: r.ready
      ? "Every READY criterion is met."
      : `${open[0]?.id ?? "READY"}: ${open[0]?.summary ?? "not evaluated"}`,
  };
}

/**
 * Marks the verdicts of these domains stale, by domain name (what a report names) or id.
 * One statement whatever the number of domains; returns the ids it marked (managed domains).
 */
export async function markVerdictsDirty(
  db: Pick<Db, "$queryRaw">,
  by: { names?: readonly string[]; ids?: readonly string[] },
): Promise<string[]> {
  const names = [...new Set(by.names ?? [])];
  const ids = [...new Set(by.ids ?? [])];
  if (names.length === 0 && ids.length === 0) return [];
  const none = Prisma.sql`NULL`;
  // Both engines understand INSERT … SELECT … ON CONFLICT … DO UPDATE and RETURNING.
  const rows = await db.$queryRaw<{ domainId: string }[]>`
    INSERT INTO "DomainVerdict" ("domainId", "inputsVersion")
    SELECT "id", 1 FROM "Domain"
    WHERE "name" IN (${names.length ? Prisma.join(names) : none})
       OR "id" IN (${ids.length ? Prisma.join(ids) : none})
    ON CONFLICT ("domainId") DO UPDATE SET "inputsVersion" = "DomainVerdict"."inputsVersion" + 1
    RETURNING "domainId"`;
  return rows.map((r) => r.domainId);
}

/** When time alone makes this verdict stale: the next UTC day, or the check run ageing out. */
async function staleAfterOf(db: Db, domainId: string, r: Readiness, now: Date): Promise<Date> {
  const nextDay = new Date(`${addDays(utcDay(now), 1)}T00:00:00Z`);
  if (r.check.state !== "fresh") return nextDay;
  const run = await db.checkRun.findFirst({
    where: { domainId, status: "done" },
    orderBy: { startedAt: "desc" },
    select: { finishedAt: true },
  });
  if (!run?.finishedAt) return nextDay;
  const ages = new Date(run.finishedAt.getTime() + settings().STS_CHECK_MAX_AGE_HOURS * 3_600_000);
  return ages.getTime() < nextDay.getTime() ? ages : nextDay;
}

/**
 * Stores `r` as the domain's verdict, computed from inputsVersion `version`, unless a
 * recomputation from newer inputs already stored one. A removed domain stores nothing.
 */
export async function storeVerdict(
  db: Db,
  domainId: string,
  r: Readiness,
  version: number,
  now: Date,
): Promise<void> {
  const v = verdictOf(r);
  const data = {
    computedVersion: version,
    rulesVersion: VERDICT_RULES_VERSION,
    ready: v.ready,
    metCount: v.met,
    total: v.total,
    unmet: JSON.stringify(v.open),
    summary: v.summary,
    computedAt: now,
    staleAfter: await staleAfterOf(db, domainId, r, now),
  };
  const updated = await db.domainVerdict.updateMany({
    where: { domainId, computedVersion: { lte: version } },
    data,
  });
  if (updated.count > 0) return;
  // No row yet (never marked): create it. A concurrent creation (P2002) or the domain's
  // removal (P2003) makes this a no-op: the row that won stays, a removed domain has none.
  try {
    await db.domainVerdict.create({ data: { domainId, inputsVersion: version, ...data } });
  } catch (e) {
    if (!isUniqueViolation(e) && !isForeignKeyViolation(e)) throw e;
  }
}

const readRow = (db: Db, domainId: string): Promise<VerdictRow | null> =>
  db.domainVerdict.findUnique({ where: { domainId } });

/**
 * Evaluates the domain's readiness (getReadiness) and stores the verdict; with
 * `onlyIfStale`, only when the stored one is stale (another pass or instance may have
 * recomputed it since the list saw it stale).
 */
export async function recomputeVerdict(
  db: Db,
  domainId: string,
  now = new Date(),
  onlyIfStale = false,
): Promise<void> {
  const row = await readRow(db, domainId);
  if (onlyIfStale && !isStale(row, now)) return;
  const version = row?.inputsVersion ?? 1;
  await storeVerdict(db, domainId, await getReadiness(db, domainId, now), version, now);
}

/**
 * The Enforce page's read: it evaluates readiness anyway (it shows every criterion), so
 * when the stored verdict is stale or says otherwise it is replaced, and the list agrees
 * with the page from then on. `version` is the inputsVersion read before evaluating.
 */
export async function reconcileVerdict(
  db: Db,
  domainId: string,
  before: VerdictRow | null,
  r: Readiness,
  now: Date,
): Promise<void> {
  const stored = toStoredVerdict(before, now);
  const v = verdictOf(r);
  const same =
    stored !== null &&
    stored.ready === v.ready &&
    stored.met === v.met &&
    stored.total === v.total &&
    stored.summary === v.summary &&
    stored.open.join() === v.open.join();
  if (same && !stored.stale) return;
  await storeVerdict(db, domainId, r, before?.inputsVersion ?? 1, now);
}

export { readRow as readVerdictRow };
