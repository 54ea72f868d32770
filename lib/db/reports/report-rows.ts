// Pure: a normalized report → the rows the store writes (Report, ReportPolicy,
// FailureDetail, RawInput, DailyRollup increments), for the managed domains only
// (RPT-ING-6). The one place that names their columns: store-reports.ts inserts these
// objects as they are (insert-rows.ts), on both engines.
import type { Diagnostic } from "@/lib/core/diagnostic";
import { jsonStringList } from "@/lib/tlsrpt/content-hash";
import { domainSessionTotals } from "@/lib/tlsrpt/domain-totals";
import { UNAUTHENTICATED, type AuthResult } from "@/lib/tlsrpt/report-auth";
import type { NormalizedPolicy, NormalizedReport } from "@/lib/tlsrpt/types";
import type { Prisma } from "@/prisma/generated/sqlite/client";
import { conflictWarning } from "./conflict";
import type { RawBytes } from "./raw-input";

export type IngestChannel = "https" | "imap" | "upload" | "cli";

/** What the store needs besides the report itself. */
export interface StoreInput {
  report: NormalizedReport;
  /** RPT-ING-5: computed by the ingester (the reader does not hash, bench/parse.ts). */
  contentHash: string;
  channel: IngestChannel;
  /** The input's bytes as received (stored once per input, raw-input.ts), or null when
   * over the cap. */
  raw: RawBytes | null;
  /** The input's size in bytes. */
  rawSize: number;
  /** RPT-DELIV-7: the report's DKIM result (mail); absent = unauthenticated. */
  auth?: AuthResult;
}

/** Report.auth and Report.authDomain for a report about to be stored. */
export const authColumnsOf = (input: Pick<StoreInput, "auth">): AuthResult =>
  input.auth ?? UNAUTHENTICATED;

export interface RollupRow {
  domainId: string;
  day: string;
  mxHost: string;
  resultType: string;
  reporterKey: string;
  sessions: number;
}

/** RPT-ING-5: the half of the dedupe key that names the reporter. */
export const reporterKeyOf = (r: Pick<NormalizedReport, "submitterDomain" | "organizationName">) =>
  r.submitterDomain ?? r.organizationName;

/** Policy domains named by the report (lowercase A-labels; null = none given). */
export function policyDomains(r: NormalizedReport): string[] {
  const out = new Set<string>();
  for (const p of r.policies) if (p.policyDomain !== null) out.add(p.policyDomain);
  return [...out];
}

/**
 * Adds a report's rollup increments for the managed domains to `into`. "success"/"failure"
 * on mxHost "*" are the domain's summary sessions without double counting across policy
 * types (RPT-JSON-7); other result types are failure-detail counts per receiving MX (""
 * when not given). Summed per key in the map, so one upsert never touches a key twice
 * (PostgreSQL refuses that), in linear time however many distinct MX hosts a report names
 * (issue 11: 10,000 failure rows), and across all the reports of a batch.
 */
export function addRollupRows(
  into: Map<string, RollupRow>,
  r: NormalizedReport,
  reporterKey: string,
  domainIds: ReadonlyMap<string, string>,
): void {
  const day = r.reportDay;
  const add = (domainId: string, mxHost: string, resultType: string, sessions: number) => {
    if (sessions === 0) return;
    // Length-prefixed: unambiguous whatever characters a sender put in the names.
    const key = `${domainId.length}:${domainId}${day}${reporterKey.length}:${reporterKey}${resultType.length}:${resultType}${mxHost}`;
    const row = into.get(key);
    if (row) row.sessions += sessions;
    else into.set(key, { domainId, day, mxHost, resultType, reporterKey, sessions });
  };
  for (const t of domainSessionTotals(r)) {
    const id = t.policyDomain === null ? undefined : domainIds.get(t.policyDomain);
    if (id === undefined) continue;
    add(id, "*", "success", t.sessions.successful);
    add(id, "*", "failure", t.sessions.failed);
  }
  for (const p of r.policies) {
    const id = p.policyDomain === null ? undefined : domainIds.get(p.policyDomain);
    if (id === undefined) continue;
    for (const d of p.failureDetails) {
      add(id, d.receivingMxHostname ?? "", d.resultType, d.failedSessionCount);
    }
  }
}

/** JSON of the reader's warnings ("[]" without a call for the usual none). */
export function warningsJson(warnings: readonly Diagnostic[]): string {
  return warnings.length === 0 ? "[]" : JSON.stringify(warnings);
}

/** What the store decided about a report before writing it (store-reports.ts). */
export interface ReportFacts {
  reporterKey: string;
  /** RPT-ING-5: an earlier report has the same reporter and id but other content. */
  conflict: boolean;
  rawInputId: number | null;
  receivedAt: Date;
}

/**
 * The Report row. Every column is named here and only here: the store inserts rows as
 * objects (insert-rows.ts), so a new column needs a line in this function and nothing else.
 */
export function reportRow(input: StoreInput, f: ReportFacts): Prisma.ReportCreateManyInput {
  const r = input.report;
  const warnings = f.conflict ? [...r.warnings, conflictWarning(r)] : r.warnings;
  return {
    reporterKey: f.reporterKey,
    organization: r.organizationName,
    contactInfo: r.contactInfo,
    reportId: r.reportId,
    contentHash: input.contentHash,
    startDatetime: r.startDatetime,
    endDatetime: r.endDatetime,
    reportDay: r.reportDay,
    channel: input.channel,
    receivedAt: f.receivedAt,
    warnings: warningsJson(warnings),
    conflict: f.conflict,
    rawInputId: f.rawInputId,
    rawSize: input.rawSize,
    ...authColumnsOf(input),
  };
}

/** A policy entry of a managed domain, with the ReportPolicy row it becomes. */
export interface PolicyEntry {
  policy: NormalizedPolicy;
  row: Prisma.ReportPolicyCreateManyInput;
}

/** The report's policy entries for the managed domains (RPT-ING-6), in report order. */
export function policyEntries(
  r: NormalizedReport,
  reportRowId: number,
  domainIds: ReadonlyMap<string, string>,
): PolicyEntry[] {
  const plain = r.hashBasis.plain;
  const out: PolicyEntry[] = [];
  for (const p of r.policies) {
    const domainId = p.policyDomain === null ? undefined : domainIds.get(p.policyDomain);
    if (domainId === undefined) continue;
    out.push({
      policy: p,
      row: {
        reportRowId,
        domainId,
        reportDay: r.reportDay,
        policyType: p.policyType,
        policyStrings: jsonStringList(p.policyStrings, plain),
        mxHosts: jsonStringList(p.mxHosts, plain),
        successfulCount: p.totalSuccessfulSessionCount,
        failedCount: p.totalFailureSessionCount,
      },
    });
  }
  return out;
}

/** The FailureDetail rows of one stored policy entry. */
export function failureRows(
  e: PolicyEntry,
  policyRowId: number,
): Prisma.FailureDetailCreateManyInput[] {
  return e.policy.failureDetails.map((d) => ({
    policyRowId,
    domainId: e.row.domainId,
    reportDay: e.row.reportDay,
    resultType: d.resultType,
    sendingMtaIp: d.sendingMtaIp,
    receivingMxHostname: d.receivingMxHostname,
    receivingMxHelo: d.receivingMxHelo,
    receivingIp: d.receivingIp,
    failedSessionCount: d.failedSessionCount,
    additionalInformation: d.additionalInformation,
    failureReasonCode: d.failureReasonCode,
  }));
}

/** The RawInput row for an input's bytes (raw-input.ts). */
export const rawInputRow = (raw: RawBytes, receivedAt: Date) => ({
  sha256: raw.sha256,
  bytes: raw.bytes,
  size: raw.bytes.length,
  receivedAt,
});
