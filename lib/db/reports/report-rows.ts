// Pure: a normalized report → the rows one transaction writes (Report, ReportPolicy,
// FailureDetail, DailyRollup increments), for the managed domains only (RPT-ING-6).
import { domainSessionTotals } from "@/lib/tlsrpt/domain-totals";
import type { Diagnostic } from "@/lib/core/diagnostic";
import { UNAUTHENTICATED, type AuthResult } from "@/lib/tlsrpt/report-auth";
import type { NormalizedReport } from "@/lib/tlsrpt/types";
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
 * Rollup increments for the managed domains. "success"/"failure" on mxHost "*" are the
 * domain's summary sessions without double counting across policy types (RPT-JSON-7);
 * other result types are failure-detail counts per receiving MX ("" when not given).
 * Aggregated in a map so one statement never touches the same key twice, in linear time
 * however many distinct MX hosts a report names (issue 11: 10,000 failure rows).
 */
export function rollupRows(
  r: NormalizedReport,
  reporterKey: string,
  domainIds: ReadonlyMap<string, string>,
): RollupRow[] {
  const rows = new Map<string, RollupRow>();
  const add = (domainId: string, mxHost: string, resultType: string, sessions: number) => {
    if (sessions === 0) return;
    // Length-prefixed: unambiguous whatever characters a sender put in the names.
    const key = `${domainId.length}:${domainId}${resultType.length}:${resultType}${mxHost}`;
    const row = rows.get(key);
    if (row) row.sessions += sessions;
    else rows.set(key, { domainId, day: r.reportDay, mxHost, resultType, reporterKey, sessions });
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
  return [...rows.values()];
}

/** JSON of the reader's warnings ("[]" without a call for the usual none). */
export function warningsJson(warnings: readonly Diagnostic[]): string {
  return warnings.length === 0 ? "[]" : JSON.stringify(warnings);
}
