// RPT-DELIV-7: mail reports without a DKIM pass aligned with their reporter wait here,
// stored but outside the verdict, until an admin accepts the reporter (AcceptedReporter,
// audited). The rule itself is isQuarantined (lib/tlsrpt/report-auth.ts); the Prisma
// filters below say the same thing for queries.
import type { Prisma } from "@/prisma/generated/sqlite/client";
import { quarantineReason } from "@/lib/tlsrpt/report-auth";
import { recordAudit } from "../audit/audit";
import type { Db } from "../client";
import { isUniqueViolation } from "../errors";

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

export interface QuarantinedReporter {
  reporterKey: string;
  organization: string;
  reports: number;
  /** One line per distinct result: "DKIM fail (d=google.com): 3 reports". */
  reasons: string[];
  lastReceived: Date;
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
  const out = new Map<string, QuarantinedReporter>();
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
        lastReceived: last,
      });
      continue;
    }
    r.reports += n;
    r.reasons.push(line);
    if (last > r.lastReceived) r.lastReceived = last;
  }
  return [...out.values()].sort((a, b) => a.reporterKey.localeCompare(b.reporterKey));
}

export type AcceptResult = { ok: true; reports: number } | { ok: false; error: string };

/** Accepts a reporter by its key: its reports count from now on, for every domain. */
export async function acceptReporter(
  db: Db,
  reporterKey: string,
  actor: { userId: string; email: string },
): Promise<AcceptResult> {
  const reports = await db.report.count({ where: { reporterKey } });
  if (reports === 0) return { ok: false, error: `No report from "${reporterKey}" is stored.` };
  const already = { ok: false as const, error: `"${reporterKey}" was already accepted.` };
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
  return { ok: true, reports };
}
