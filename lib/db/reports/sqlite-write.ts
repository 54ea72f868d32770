// One report's rows inside the ingest transaction (sqlite-store.ts opens and commits it):
// the dedupe lookup, the input's RawInput row (once per input), Report, ReportPolicy and
// FailureDetail rows for the managed domains, the rollup increments (in statements of at
// most ROLLUP_ROWS_MAX rows) and the unknown-domain tally. `ids` is the managed domains' name → id
// map, current for this transaction.
import { jsonStringList } from "@/lib/tlsrpt/content-hash";
import { conflictWarning } from "./conflict";
import {
  authColumnsOf,
  reporterKeyOf,
  rollupRows,
  warningsJson,
  type StoreInput,
} from "./report-rows";
import type { RawBytes } from "./raw-input";
import { ROLLUP_ROWS_MAX, type IngestStatements } from "./sqlite-statements";
import type { StoreResult } from "./store-report";
import { unknownDomainsOf } from "./unknown-domains";

/** Prisma's SQLite adapter stores DateTime as ISO text with an explicit +00:00 offset. */
export const sqliteTime = (d: Date) => `${d.toISOString().slice(0, -1)}+00:00`;

/** sqliteTime for report periods, remembered: a day's reports share their start and end
 * times, and toISOString is a noticeable part of a report's storage cost. */
const periodTimes = new Map<number, string>();
function periodTime(d: Date): string {
  const ms = d.getTime();
  let s = periodTimes.get(ms);
  if (s === undefined) {
    if (periodTimes.size >= 4096) periodTimes.clear();
    s = sqliteTime(d);
    periodTimes.set(ms, s);
  }
  return s;
}

/** The input's RawInput row, written by the first report stored from it (raw-input.ts). */
function rawInputIdOf(q: IngestStatements, raw: RawBytes, now: string): number {
  const id = q.rawId.get(raw.sha256);
  if (id !== undefined) return id;
  return Number(q.rawInsert.run(raw.sha256, raw.bytes, raw.bytes.length, now).lastInsertRowid);
}

export function writeReport(
  q: IngestStatements,
  ids: ReadonlyMap<string, string>,
  input: StoreInput,
  now: string,
): StoreResult {
  const { report: r, contentHash } = input;
  const reporterKey = reporterKeyOf(r);
  const unknownDomains = unknownDomainsOf(r, ids);
  if (!r.policies.some((p) => p.policyDomain !== null && ids.has(p.policyDomain))) {
    for (const d of unknownDomains) q.tally.run(reporterKey, d, now);
    return { kind: "unmanaged", unknownDomains };
  }
  const earlier = q.earlier.all(reporterKey, r.reportId);
  if (earlier.includes(contentHash)) return { kind: "duplicate", unknownDomains };
  const conflict = earlier.length > 0;
  const warnings = conflict ? [...r.warnings, conflictWarning(r)] : r.warnings;
  const rawInputId = input.raw ? rawInputIdOf(q, input.raw, now) : null;
  const { auth, authDomain } = authColumnsOf(input);
  const reportRowId = Number(
    q.report.run(
      reporterKey,
      r.organizationName,
      r.contactInfo,
      r.reportId,
      contentHash,
      periodTime(r.startDatetime),
      periodTime(r.endDatetime),
      r.reportDay,
      input.channel,
      now,
      warningsJson(warnings),
      conflict ? 1 : 0,
      rawInputId,
      input.rawSize,
      auth,
      authDomain,
    ).lastInsertRowid,
  );
  const plain = r.hashBasis.plain;
  for (const p of r.policies) {
    const domainId = p.policyDomain === null ? undefined : ids.get(p.policyDomain);
    if (domainId === undefined) continue;
    const policyRowId = q.policy.run(
      reportRowId,
      domainId,
      r.reportDay,
      p.policyType,
      jsonStringList(p.policyStrings, plain),
      jsonStringList(p.mxHosts, plain),
      p.totalSuccessfulSessionCount,
      p.totalFailureSessionCount,
    ).lastInsertRowid;
    for (const d of p.failureDetails) {
      q.failure.run(
        policyRowId,
        domainId,
        r.reportDay,
        d.resultType,
        d.sendingMtaIp,
        d.receivingMxHostname,
        d.receivingMxHelo,
        d.receivingIp,
        d.failedSessionCount,
        d.additionalInformation,
        d.failureReasonCode,
      );
    }
  }
  const rollups = rollupRows(r, reporterKey, ids);
  for (let i = 0; i < rollups.length; i += ROLLUP_ROWS_MAX) {
    const some =
      rollups.length <= ROLLUP_ROWS_MAX ? rollups : rollups.slice(i, i + ROLLUP_ROWS_MAX);
    const args: (string | number)[] = [];
    for (const x of some) {
      args.push(x.domainId, x.day, x.mxHost, x.resultType, x.reporterKey, x.sessions);
    }
    q.rollup(some.length).run(args);
  }
  for (const d of unknownDomains) q.tally.run(reporterKey, d, now);
  return { kind: "stored", reportRowId, conflict, unknownDomains };
}
