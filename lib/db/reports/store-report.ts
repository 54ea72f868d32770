// One report, one transaction (RPT-ING-5, issue 6): the Report row, its policy entries and
// failure details for managed domains, the rollup increments and the unknown-domain tally.
// Concurrent copies of the same report race on the unique (reporterKey, reportId,
// contentHash) key: the loser's transaction rolls back whole (P2002), so rollups are only
// ever incremented by the transaction that inserted the Report. This generic path serves
// PostgreSQL; SQLite takes the synchronous fast path in sqlite-store.ts. Every statement
// that binds a list is cut with chunksFor (bind-limits.ts), so the largest report the
// reader accepts never exceeds PostgreSQL's 65,535 bind parameters.
import { Prisma } from "@/prisma/generated/sqlite/client";
import { chunksFor } from "../bind-limits";
import type { Db } from "../client";
import { isUniqueViolation } from "../errors";
import {
  authColumnsOf,
  policyDomains,
  reporterKeyOf,
  rollupRows,
  warningsJson,
  type RollupRow,
  type StoreInput,
} from "./report-rows";
import { conflictWarning } from "./conflict";
import { rawInputIdFor } from "./raw-input";
import { readySqliteStore, sqliteStoreFor } from "./sqlite-store";
import { unknownDomainsOf } from "./unknown-domains";

export type StoreResult =
  | { kind: "stored"; reportRowId: number; conflict: boolean; unknownDomains: string[] }
  | { kind: "duplicate"; unknownDomains: string[] }
  | { kind: "unmanaged"; unknownDomains: string[] };

type Tx = Prisma.TransactionClient;

/** Policy entries with failure details up to which each is created on its own. */
const FEW_POLICIES = 4;
/** A report's transaction may wait this long for a connection and take this long: a burst
 * of reports queues for the pool, and the largest report takes a few seconds. */
const TX_OPTIONS = { maxWait: 30_000, timeout: 60_000 };

export function storeReport(db: Db, input: StoreInput): Promise<StoreResult> {
  const fast = readySqliteStore(db);
  if (fast) return fast.store(input);
  if (fast === undefined) {
    return sqliteStoreFor(db).then((s) => (s ? s.store(input) : storeWithPrisma(db, input)));
  }
  return storeWithPrisma(db, input);
}

async function storeWithPrisma(db: Db, input: StoreInput): Promise<StoreResult> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await db.$transaction((tx) => storeInTx(tx, input), TX_OPTIONS);
    } catch (e) {
      if (isUniqueViolation(e)) return { kind: "duplicate", unknownDomains: [] };
      // P2003: a domain was removed between our read and our insert (PostgreSQL, read
      // committed). Try again: the second pass sees the domain gone.
      if (attempt === 0 && isForeignKeyViolation(e)) continue;
      throw e;
    }
  }
}

const isForeignKeyViolation = (e: unknown) =>
  typeof e === "object" && e !== null && (e as { code?: unknown }).code === "P2003";

async function storeInTx(tx: Tx, input: StoreInput): Promise<StoreResult> {
  const { report: r, contentHash } = input;
  const reporterKey = reporterKeyOf(r);
  const names = policyDomains(r);
  const ids = new Map<string, string>();
  for (const some of chunksFor(names, 1)) {
    const found = await tx.domain.findMany({
      where: { name: { in: some } },
      select: { id: true, name: true },
    });
    for (const d of found) ids.set(d.name, d.id);
  }
  const unknownDomains = unknownDomainsOf(r, ids);
  if (ids.size === 0) {
    await tally(tx, reporterKey, unknownDomains);
    return { kind: "unmanaged", unknownDomains };
  }
  const earlier = await tx.report.findMany({
    where: { reporterKey, reportId: r.reportId },
    select: { contentHash: true },
  });
  if (earlier.some((e) => e.contentHash === contentHash)) {
    return { kind: "duplicate", unknownDomains };
  }
  const conflict = earlier.length > 0;
  const warnings = conflict ? [...r.warnings, conflictWarning(r)] : r.warnings;
  const rawInputId = input.raw ? await rawInputIdFor(tx, input.raw) : null;
  const row = await tx.report.create({
    data: {
      reporterKey,
      organization: r.organizationName,
      contactInfo: r.contactInfo,
      reportId: r.reportId,
      contentHash,
      startDatetime: r.startDatetime,
      endDatetime: r.endDatetime,
      reportDay: r.reportDay,
      channel: input.channel,
      warnings: warningsJson(warnings),
      conflict,
      rawInputId,
      rawSize: input.rawSize,
      ...authColumnsOf(input),
    },
    select: { id: true },
  });
  const entries = r.policies.flatMap((p) => {
    const domainId = p.policyDomain === null ? undefined : ids.get(p.policyDomain);
    return domainId === undefined ? [] : [{ p, domainId }];
  });
  const policyRow = ({ p, domainId }: (typeof entries)[number]) => ({
    reportRowId: row.id,
    domainId,
    reportDay: r.reportDay,
    policyType: p.policyType,
    policyStrings: JSON.stringify(p.policyStrings),
    mxHosts: JSON.stringify(p.mxHosts),
    successfulCount: p.totalSuccessfulSessionCount,
    failedCount: p.totalFailureSessionCount,
  });
  // Entries with failure details first: their details need the entries' ids.
  const withFailures = entries.filter((e) => e.p.failureDetails.length > 0);
  const policyIds = await insertPolicies(tx, withFailures.map(policyRow), row.id);
  const failures = withFailures.flatMap((e, i) =>
    e.p.failureDetails.map((d) => ({
      policyRowId: policyIds[i] as number,
      domainId: e.domainId,
      reportDay: r.reportDay,
      resultType: d.resultType,
      sendingMtaIp: d.sendingMtaIp,
      receivingMxHostname: d.receivingMxHostname,
      receivingMxHelo: d.receivingMxHelo,
      receivingIp: d.receivingIp,
      failedSessionCount: d.failedSessionCount,
      additionalInformation: d.additionalInformation,
      failureReasonCode: d.failureReasonCode,
    })),
  );
  for (const some of chunksFor(failures, 11)) await tx.failureDetail.createMany({ data: some });
  const plain = entries.filter((e) => e.p.failureDetails.length === 0).map(policyRow);
  for (const some of chunksFor(plain, 8)) await tx.reportPolicy.createMany({ data: some });
  await addRollups(tx, rollupRows(r, reporterKey, ids));
  await tally(tx, reporterKey, unknownDomains);
  return { kind: "stored", reportRowId: row.id, conflict, unknownDomains };
}

type PolicyRow = Prisma.ReportPolicyCreateManyInput;

/**
 * Inserts a report's first policy rows and returns their ids in order. A few are created
 * one by one (the usual report has one); many (up to the reader's 1,000) go in chunked
 * multi-row INSERTs, read back by id: rows of one INSERT … VALUES take their serial ids
 * in list order, and this transaction is the only writer of its report's rows.
 */
async function insertPolicies(tx: Tx, rows: PolicyRow[], reportRowId: number): Promise<number[]> {
  if (rows.length <= FEW_POLICIES) {
    const ids: number[] = [];
    for (const data of rows)
      ids.push((await tx.reportPolicy.create({ data, select: { id: true } })).id);
    return ids;
  }
  for (const some of chunksFor(rows, 8)) await tx.reportPolicy.createMany({ data: some });
  const back = await tx.reportPolicy.findMany({
    where: { reportRowId },
    orderBy: { id: "asc" },
    select: { id: true },
  });
  if (back.length !== rows.length) throw new Error("policy rows read back do not match");
  return back.map((p) => p.id);
}

/** INSERT … ON CONFLICT DO UPDATE is the same text on SQLite (≥ 3.24) and PostgreSQL. */
async function addRollups(tx: Tx, rows: RollupRow[]): Promise<void> {
  for (const some of chunksFor(rows, 6)) {
    const values = some.map(
      (x) =>
        Prisma.sql`(${x.domainId}, ${x.day}, ${x.mxHost}, ${x.resultType}, ${x.reporterKey}, ${x.sessions})`,
    );
    await tx.$executeRaw`INSERT INTO "DailyRollup" ("domainId", "day", "mxHost", "resultType", "reporterKey", "sessions")
    VALUES ${Prisma.join(values)}
    ON CONFLICT ("domainId", "day", "mxHost", "resultType", "reporterKey")
    DO UPDATE SET "sessions" = "DailyRollup"."sessions" + excluded."sessions"`;
  }
}

async function tally(tx: Tx, submitter: string, domains: string[]): Promise<void> {
  const now = new Date();
  for (const some of chunksFor(domains, 4)) {
    const values = some.map((d) => Prisma.sql`(${submitter}, ${d}, 1, ${now})`);
    await tx.$executeRaw`INSERT INTO "UnknownDomainTally" ("submitter", "domain", "count", "lastSeen")
    VALUES ${Prisma.join(values)}
    ON CONFLICT ("submitter", "domain")
    DO UPDATE SET "count" = "UnknownDomainTally"."count" + 1, "lastSeen" = excluded."lastSeen"`;
  }
}
