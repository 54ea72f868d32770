// RPT-DELIV-7: mail reports without a DKIM pass aligned with their reporter wait here,
// stored but outside the verdict, until an admin accepts the reporter (AcceptedReporter,
// audited). The rule itself is isQuarantined (lib/tlsrpt/report-auth.ts); the Prisma
// filters below say the same thing for queries.
import type { Prisma } from "@/prisma/generated/sqlite/client";
import type { MessageRef } from "@/lib/i18n/message-ref";
import { quarantineReason, quarantineReasonRef } from "@/lib/tlsrpt/report-auth";
import { recordAudit } from "../audit/audit";
import type { Db } from "../client";
import { isUniqueViolation } from "../errors";
import { verdictInputsChanged } from "../readiness/verdict-queue";

/** Reporter keys an admin accepted. */
export async function acceptedReporters(db: Db): Promise<Set<string>> {
  const rows = await db.acceptedReporter.findMany({ select: { reporterKey: true } });
  return new Set(rows.map((r) => r.reporterKey));
}

/** Reports that count in the verdict: not mail, or an aligned DKIM pass, or accepted. */
export const inVerdictWhere = (accepted: ReadonlySet<string>): Prisma.ReportWhereInput => ({
  OR: [{ channel: { not: "imap" } }, { auth: "pass" }, { reporterKey: { in: [...accepted] } }],
});

const quarantinedWhere = (accepted: ReadonlySet<string>): Prisma.ReportWhereInput => ({
  channel: "imap",
  auth: { not: "pass" },
  reporterKey: { notIn: [...accepted] },
});

/** Quarantined reports about the domain in the range, per reporter (READY-4 evidence). */
export async function quarantinedCounts(
  db: Db,
  domainId: string,
  range: { from: string; to: string },
  accepted: ReadonlySet<string>,
): Promise<{ reporterKey: string; reports: number }[]> {
  const groups = await db.report.groupBy({
    by: ["reporterKey"],
    where: {
      ...quarantinedWhere(accepted),
      policies: { some: { domainId, reportDay: { gte: range.from, lte: range.to } } },
    },
    _count: { _all: true },
    orderBy: { reporterKey: "asc" },
  });
  return groups.map((g) => ({ reporterKey: g.reporterKey, reports: g._count._all }));
}

export interface QuarantinedReporter {
  reporterKey: string;
  organization: string;
  reports: number;
  /** One line per distinct result: "DKIM fail (d=google.com): 3 reports". */
  reasons: string[];
  /** The same lines as MessageRefs (`reports.quarantine.reason.*`), for the UI (issue 16 §6). */
  reasonRefs: MessageRef[];
  /** ISO time of the newest quarantined report (JSON-ready for the list's query). */
  lastReceived: string;
}

/** The quarantine list for one domain: reporters with quarantined reports about it. */
export async function listQuarantine(db: Db, domainId: string): Promise<QuarantinedReporter[]> {
  const accepted = await acceptedReporters(db);
  const groups = await db.report.groupBy({
    by: ["reporterKey", "organization", "auth", "authDomain"],
    where: { ...quarantinedWhere(accepted), policies: { some: { domainId } } },
    _count: { _all: true },
    _max: { receivedAt: true },
  });
  const out = new Map<string, QuarantinedReporter & { last: Date }>();
  for (const g of groups) {
    const n = g._count._all;
    const last = g._max.receivedAt ?? new Date(0);
    const line = `${quarantineReason(g)}: ${n} report${n === 1 ? "" : "s"}`;
    const r = out.get(g.reporterKey);
    if (!r) {
      out.set(g.reporterKey, {
        reporterKey: g.reporterKey,
        organization: g.organization,
        reports: n,
        reasons: [line],
        reasonRefs: [quarantineReasonRef(g, n)],
        lastReceived: "",
        last,
      });
      continue;
    }
    r.reports += n;
    r.reasons.push(line);
    r.reasonRefs.push(quarantineReasonRef(g, n));
    if (last > r.last) r.last = last;
  }
  return [...out.values()]
    .sort((a, b) => a.reporterKey.localeCompare(b.reporterKey))
    .map(({ last, ...r }) => ({ ...r, lastReceived: last.toISOString() }));
}

/**
 * The demo's generated reports arrive by the CLI, unauthenticated: the demo accepts its own
 * reporters (lib/demo), audited as "demo", so its domain reads as a real one would once an
 * admin had accepted them. Returns the keys newly accepted.
 */
export async function acceptDemoReporters(db: Db, reportIds: readonly string[]): Promise<string[]> {
  if (reportIds.length === 0) return [];
  const accepted = await acceptedReporters(db);
  const rows = await db.report.findMany({
    where: { reportId: { in: [...reportIds] } },
    select: { reporterKey: true },
    distinct: ["reporterKey"],
  });
  const keys = rows
    .map((r) => r.reporterKey)
    .filter((k) => !accepted.has(k))
    .sort();
  for (const reporterKey of keys) {
    await db.$transaction(async (tx) => {
      await tx.acceptedReporter.create({ data: { reporterKey, acceptedBy: "demo" } });
      await recordAudit(tx, {
        userId: null,
        actor: "demo",
        action: "reporter.accept",
        details: { reporterKey, demo: true },
      });
    });
  }
  return keys;
}

/** A refusal carries its "apiErrors" message (issue 16 §6) beside the English. */
export type AcceptResult =
  { ok: true; reports: number } | { ok: false; error: string; ref: MessageRef };

/** Accepts a reporter by its key: its reports count from now on, for every domain. */
export async function acceptReporter(
  db: Db,
  reporterKey: string,
  actor: { userId: string; email: string },
): Promise<AcceptResult> {
  const reports = await db.report.count({ where: { reporterKey } });
  if (reports === 0) {
    return {
      ok: false,
      error: `No report from "${reporterKey}" is stored.`,
      ref: { key: "noReportFromReporter", params: { reporter: reporterKey } },
    };
  }
  const already = {
    ok: false as const,
    error: `"${reporterKey}" was already accepted.`,
    ref: { key: "reporterAlreadyAccepted", params: { reporter: reporterKey } },
  };
  if (await db.acceptedReporter.findUnique({ where: { reporterKey } })) return already;
  try {
    await db.$transaction(async (tx) => {
      await tx.acceptedReporter.create({ data: { reporterKey, acceptedBy: actor.email } });
      await recordAudit(tx, {
        userId: actor.userId,
        actor: actor.email,
        action: "reporter.accept",
        details: { reporterKey, reports },
      });
    });
  } catch (e) {
    if (isUniqueViolation(e)) return already; // accepted by another admin meanwhile
    throw e;
  }
  // Its reports now count: the stored verdict of every domain they cover is stale.
  const covered = await db.reportPolicy.findMany({
    where: { report: { reporterKey } },
    distinct: ["domainId"],
    select: { domainId: true },
  });
  verdictInputsChanged(db, { ids: covered.map((c) => c.domainId) });
  return { ok: true, reports };
}
