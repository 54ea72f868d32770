// A batch of reports in one transaction, the same statements on SQLite and PostgreSQL
// (RPT-ING-5, RPT-ING-6): for each report of a managed domain the Report row, its policy
// entries and failure details, the input's RawInput row (once per input), the DailyRollup
// increments, and the unknown-domain tally. A report is a duplicate when a stored report,
// or an earlier one in the batch, has the same reporter, report id and content; with the
// same reporter and id but other content it is stored and flagged as a conflict. The
// batch is in arrival order, so the first copy is the one stored. Rows come from
// report-rows.ts and are inserted as objects (insert-rows.ts), a statement per table for
// the whole batch, so a batch costs a handful of statements however many reports it holds.
import { Prisma } from "@/prisma/generated/sqlite/client";
import { domainIds, keyOf, rawInputIds, storedHashes } from "./batch-lookups";
import {
  insertRows,
  insertRowsReturning,
  insertRowsReturningIds,
  type Target,
} from "./insert-rows";
import {
  addRollupRows,
  failureRows,
  policyEntries,
  reporterKeyOf,
  reportRow,
  type PolicyEntry,
  type RollupRow,
  type StoreInput,
} from "./report-rows";
import { unknownDomainsOf } from "./unknown-domains";

export type StoreResult =
  | { kind: "stored"; reportRowId: number; conflict: boolean; unknownDomains: string[] }
  | { kind: "duplicate"; unknownDomains: string[] }
  | { kind: "unmanaged"; unknownDomains: string[] };

/** Stores `inputs` inside the transaction `w.tx`; results in input order. */
export async function storeBatch(w: Target, inputs: readonly StoreInput[]): Promise<StoreResult[]> {
  const now = new Date();
  const ids = await domainIds(w, inputs);
  const reporterKeys = inputs.map((i) => reporterKeyOf(i.report));
  const unknown = inputs.map((i) => unknownDomainsOf(i.report, ids));
  const managed = inputs.map((i) => i.report.policies.some((p) => isManaged(p.policyDomain, ids)));
  const results: (StoreResult | undefined)[] = inputs.map((_, n) =>
    managed[n] ? undefined : { kind: "unmanaged", unknownDomains: unknown[n] ?? [] },
  );
  // RPT-ING-5: the hashes already stored per (reporter, report id), then the batch's own.
  const hashes = await storedHashes(
    w,
    inputs.flatMap((i, n) => (managed[n] ? [[reporterKeys[n] ?? "", i.report.reportId]] : [])),
  );
  const toStore: { n: number; conflict: boolean }[] = [];
  inputs.forEach((input, n) => {
    if (!managed[n]) return;
    const key = keyOf(reporterKeys[n] ?? "", input.report.reportId);
    const seen = hashes.get(key) ?? new Set<string>();
    hashes.set(key, seen);
    if (seen.has(input.contentHash)) {
      results[n] = { kind: "duplicate", unknownDomains: unknown[n] ?? [] };
      return;
    }
    toStore.push({ n, conflict: seen.size > 0 });
    seen.add(input.contentHash);
  });
  const rawIds = await rawInputIds(
    w,
    toStore.map(({ n }) => inputs[n] as StoreInput),
    now,
  );
  const rows = toStore.map(({ n, conflict }) => {
    const raw = inputs[n]?.raw;
    const rawInputId = raw ? (rawIds.get(raw.sha256) ?? null) : null;
    return reportRow(inputs[n] as StoreInput, {
      reporterKey: reporterKeys[n] ?? "",
      conflict,
      rawInputId,
      receivedAt: now,
    });
  });
  // DO NOTHING: on PostgreSQL a concurrent transaction may commit the same report between
  // the look-up above and this insert; its copy is the stored one and this is a duplicate.
  const inserted = await insertRowsReturning(
    w,
    "Report",
    rows,
    ["id", "reporterKey", "reportId", "contentHash"],
    Prisma.sql`ON CONFLICT ("reporterKey", "reportId", "contentHash") DO NOTHING`,
  );
  const rowIds = new Map(
    inserted.map((r) => [
      keyOf(String(r.reporterKey), String(r.reportId), String(r.contentHash)),
      Number(r.id),
    ]),
  );
  const entries: PolicyEntry[] = [];
  const rollups = new Map<string, RollupRow>();
  for (const { n, conflict } of toStore) {
    const input = inputs[n] as StoreInput;
    const reporterKey = reporterKeys[n] ?? "";
    const unknownDomains = unknown[n] ?? [];
    const id = rowIds.get(keyOf(reporterKey, input.report.reportId, input.contentHash));
    if (id === undefined) {
      results[n] = { kind: "duplicate", unknownDomains };
      continue;
    }
    results[n] = { kind: "stored", reportRowId: id, conflict, unknownDomains };
    entries.push(...policyEntries(input.report, id, ids));
    addRollupRows(rollups, input.report, reporterKey, ids);
  }
  await storeEntries(w, entries);
  await addRollups(w, [...rollups.values()]);
  // RPT-ING-6: every report not a duplicate counts once for each unmanaged domain it names.
  const tallies = new Map<string, TallyRow>();
  results.forEach((r, n) => {
    if (r?.kind === "duplicate") return;
    const submitter = reporterKeys[n] ?? "";
    for (const domain of unknown[n] ?? []) {
      const key = keyOf(submitter, domain);
      const row = tallies.get(key);
      if (row) row.count++;
      else tallies.set(key, { submitter, domain, count: 1, lastSeen: now });
    }
  });
  await tally(w, [...tallies.values()]);
  return results.map((r) => r ?? { kind: "duplicate", unknownDomains: [] });
}

const isManaged = (name: string | null, ids: ReadonlyMap<string, string>) =>
  name !== null && ids.has(name);

/** ReportPolicy rows, then the FailureDetail rows of those that have any (they need ids). */
async function storeEntries(w: Target, entries: PolicyEntry[]): Promise<void> {
  const withFailures = entries.filter((e) => e.policy.failureDetails.length > 0);
  const policyIds = await insertRowsReturningIds(
    w,
    "ReportPolicy",
    withFailures.map((e) => e.row),
  );
  await insertRows(
    w,
    "ReportPolicy",
    entries.filter((e) => e.policy.failureDetails.length === 0).map((e) => e.row),
  );
  await insertRows(
    w,
    "FailureDetail",
    withFailures.flatMap((e, i) => failureRows(e, policyIds[i] as number)),
  );
}

/**
 * The batch's rollup increments, in key order: concurrent transactions on PostgreSQL then
 * lock the rows they share in the same order and cannot deadlock on them.
 */
async function addRollups(w: Target, rows: RollupRow[]): Promise<void> {
  const key = (r: RollupRow) => keyOf(r.domainId, r.mxHost, r.day, r.resultType, r.reporterKey);
  const sorted = rows
    .map((r) => [key(r), r] as const)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  await insertRows(
    w,
    "DailyRollup",
    sorted.map(([, r]) => r),
    Prisma.sql`ON CONFLICT ("domainId", "mxHost", "day", "resultType", "reporterKey")
      DO UPDATE SET "sessions" = "DailyRollup"."sessions" + excluded."sessions"`,
  );
}

interface TallyRow {
  submitter: string;
  domain: string;
  count: number;
  lastSeen: Date;
}

async function tally(w: Target, rows: TallyRow[]): Promise<void> {
  await insertRows(
    w,
    "UnknownDomainTally",
    rows,
    Prisma.sql`ON CONFLICT ("submitter", "domain") DO UPDATE SET
      "count" = "UnknownDomainTally"."count" + excluded."count", "lastSeen" = excluded."lastSeen"`,
  );
}
