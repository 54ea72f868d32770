// The received-reports list and detail for one domain (components/ingest/*). Session counts
// are the domain's, without double counting across policy types (RPT-JSON-7).
import type { Diagnostic } from "@/lib/core/diagnostic";
import { sessionsOf } from "@/lib/tlsrpt/domain-totals";
import { isQuarantined } from "@/lib/tlsrpt/report-auth";
import type { FailureDetail } from "@/lib/tlsrpt/types";
import { dayRange, type Cursor } from "@/lib/lists/params";
import type { ReceivedAuth } from "@/lib/lists/received-params";
import type { Db } from "../client";
import { acceptedReporters } from "./quarantine";
import { RAW_CAP } from "./raw-input";

export interface ReceivedRow {
  id: number;
  organization: string;
  reporterKey: string;
  reportId: string;
  start: Date;
  end: Date;
  channel: string;
  receivedAt: Date;
  successful: number;
  failed: number;
  warnings: number;
  conflict: boolean;
  /** RPT-DELIV-7: Report.auth and the signature's d=. */
  auth: string;
  authDomain: string | null;
  /** Mail without an aligned DKIM pass from a reporter not accepted: outside the verdict. */
  quarantined: boolean;
}

interface PolicyCounts {
  policyType: string;
  successfulCount: number;
  failedCount: number;
}

/** A stored report's sessions for one domain (RPT-JSON-7, the rule in domain-totals.ts). */
const sessionsOfRows = (policies: readonly PolicyCounts[]) =>
  sessionsOf(
    policies.map((p) => ({
      policyType: p.policyType,
      successful: p.successfulCount,
      failed: p.failedCount,
    })),
  );

/** The columns the list and the detail both show, as their rows name them. */
interface StoredHead {
  id: number;
  organization: string;
  reporterKey: string;
  reportId: string;
  startDatetime: Date;
  endDatetime: Date;
  channel: string;
  receivedAt: Date;
  conflict: boolean;
  auth: string;
  authDomain: string | null;
  policies: readonly PolicyCounts[];
}

const headOf = (r: StoredHead, accepted: ReadonlySet<string>): Omit<ReceivedRow, "warnings"> => ({
  id: r.id,
  organization: r.organization,
  reporterKey: r.reporterKey,
  reportId: r.reportId,
  start: r.startDatetime,
  end: r.endDatetime,
  channel: r.channel,
  receivedAt: r.receivedAt,
  ...sessionsOfRows(r.policies),
  conflict: r.conflict,
  auth: r.auth,
  authDomain: r.authDomain,
  quarantined: isQuarantined({ ...r, accepted: accepted.has(r.reporterKey) }),
});

/** A JSON array column (warnings, policy strings, MX hosts); [] if it is anything else. */
const jsonArray = (json: string): unknown[] => {
  try {
    const v: unknown = JSON.parse(json);
    return Array.isArray(v) ? v : [];
  } catch {
    return [];
  }
};

export interface ReceivedQuery {
  /** Part of the reporter's organisation name or key (its domain), case-insensitive. */
  reporter?: string;
  auth?: ReceivedAuth | null;
  /** UTC days the report period starts within, inclusive. */
  from?: string | null;
  to?: string | null;
  /** Continue after this row (keyset paging on (start, id), newest first). */
  after?: Cursor | null;
  take?: number;
}

export interface ReceivedPage {
  rows: ReceivedRow[];
  /** Where the next (older) page starts; null on the last page. */
  next: Cursor | null;
}

/** A page of the domain's reports, newest period first: keyset paging on (start, id), so
 * every report is reachable and a report arriving meanwhile shifts nothing (issue 16). */
export async function listReceivedReports(
  db: Db,
  domainId: string,
  q: ReceivedQuery = {},
): Promise<ReceivedPage> {
  const take = q.take ?? 50;
  const part = q.reporter?.trim();
  const after = q.after ? new Date(q.after.at) : null;
  const rows = await db.report.findMany({
    where: {
      AND: [
        { policies: { some: { domainId } } },
        part
          ? {
              OR: [
                { reporterKey: { contains: part.toLowerCase() } },
                { organization: { contains: part } },
              ],
            }
          : {},
        q.auth ? { auth: q.auth } : {},
        q.from || q.to ? { startDatetime: dayRange(q.from ?? null, q.to ?? null) } : {},
        q.after && after
          ? {
              OR: [
                { startDatetime: { lt: after } },
                { startDatetime: after, id: { lt: q.after.id } },
              ],
            }
          : {},
      ],
    },
    orderBy: [{ startDatetime: "desc" }, { id: "desc" }],
    take: take + 1,
    select: {
      id: true,
      organization: true,
      reporterKey: true,
      reportId: true,
      startDatetime: true,
      endDatetime: true,
      channel: true,
      receivedAt: true,
      warnings: true,
      conflict: true,
      auth: true,
      authDomain: true,
      policies: {
        where: { domainId },
        select: { policyType: true, successfulCount: true, failedCount: true },
      },
    },
  });
  const accepted = await acceptedReporters(db);
  const shown = rows.slice(0, take);
  const last = shown[shown.length - 1];
  return {
    rows: shown.map((r) => ({ ...headOf(r, accepted), warnings: jsonArray(r.warnings).length })),
    next: rows.length > take && last ? { at: last.startDatetime.getTime(), id: last.id } : null,
  };
}

/** A stored failure detail: the reader's FailureDetail without the derived bucket. */
export type ReceivedFailure = Omit<FailureDetail, "bucket">;

export interface ReceivedPolicy {
  policyType: string;
  policyStrings: string[];
  mxHosts: string[];
  successfulCount: number;
  failedCount: number;
  failures: ReceivedFailure[];
}

export interface ReceivedDetail extends Omit<ReceivedRow, "warnings"> {
  contactInfo: string | null;
  contentHash: string;
  warnings: Diagnostic[];
  policies: ReceivedPolicy[];
  /** The input's bytes when still stored (shared with the other reports of that input). */
  raw: Uint8Array | null;
  rawSize: number;
  /** Why raw is null: the input was over the audit cap, or its bytes were pruned after the
   * retention period (STS_RAW_RETENTION_DAYS). */
  rawState: "kept" | "over-cap" | "pruned";
}

/** One report as stored, limited to this domain's policy entries; null when not found. */
export async function getReceivedReport(
  db: Db,
  domainId: string,
  id: number,
): Promise<ReceivedDetail | null> {
  const r = await db.report.findFirst({
    where: { id, policies: { some: { domainId } } },
    include: {
      policies: {
        where: { domainId },
        orderBy: { id: "asc" },
        include: { failures: { orderBy: { id: "asc" } } },
      },
      rawInput: { select: { bytes: true } },
    },
  });
  if (!r) return null;
  const policies = r.policies.map((p) => ({
    policyType: p.policyType,
    policyStrings: jsonArray(p.policyStrings).map(String),
    mxHosts: jsonArray(p.mxHosts).map(String),
    successfulCount: p.successfulCount,
    failedCount: p.failedCount,
    failures: p.failures.map((f) => ({
      resultType: f.resultType,
      sendingMtaIp: f.sendingMtaIp,
      receivingMxHostname: f.receivingMxHostname,
      receivingMxHelo: f.receivingMxHelo,
      receivingIp: f.receivingIp,
      failedSessionCount: f.failedSessionCount,
      additionalInformation: f.additionalInformation,
      failureReasonCode: f.failureReasonCode,
    })),
  }));
  const accepted = await acceptedReporters(db);
  return {
    ...headOf(r, accepted),
    contactInfo: r.contactInfo,
    contentHash: r.contentHash,
    warnings: jsonArray(r.warnings) as Diagnostic[],
    policies,
    raw: r.rawInput ? new Uint8Array(r.rawInput.bytes) : null,
    rawSize: r.rawSize,
    rawState: r.rawInput ? "kept" : r.rawSize > RAW_CAP ? "over-cap" : "pruned",
  };
}

export interface UnknownDomainRow {
  submitter: string;
  domain: string;
  count: number;
  lastSeen: Date;
}

export async function listUnknownDomains(db: Db, take = 200): Promise<UnknownDomainRow[]> {
  return db.unknownDomainTally.findMany({
    orderBy: [{ count: "desc" }, { lastSeen: "desc" }],
    take,
  });
}
