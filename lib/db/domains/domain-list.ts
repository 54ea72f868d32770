import { Prisma } from "@/prisma/generated/sqlite/client";
import type { Db } from "../client";
import { jsonDate, queryJsonRows } from "../json-rows";
import { toStoredVerdict, type StoredVerdict } from "../readiness/verdict";
import type { DnsVerification, PublishVerification } from "@/lib/rollout/types";
import {
  rolloutState,
  whereItStands,
  type CheckRunFacts,
  type PolicyFacts,
  type StepStatus,
} from "@/lib/rollout/step-state";
import { failureRate } from "@/lib/stats/aggregate";
import { lastDays } from "@/lib/stats/date-range";

// The domain list's data (issue 13): three queries whatever the number of domains. The
// first reads each domain with its last report day and 7-day sessions from DailyRollup,
// its newest check run and its stored readiness verdict; the second its policy versions;
// the third its stored live verifications. Readiness is never evaluated here: the stored
// verdict is shown, and the ids of stale ones are returned for a background refresh.
// Issue 16 (search, paging): `nameContains`, `limit` and `offset` already shape every query.

export interface DomainListQuery {
  /** Part of the A-label, case-insensitive. */
  nameContains?: string;
  limit?: number;
  offset?: number;
}

export interface DomainListRow {
  id: string;
  name: string;
  displayName: string;
  createdAt: Date;
  /** Mode of the served (newest) policy version, null without a policy. */
  mode: PolicyFacts["mode"] | null;
  lastReportDay: string | null;
  week: { successful: number; failed: number; rate: number };
  /** Where the domain stands in the four rollout steps. */
  rollout: { label: string; status: StepStatus };
  /** The stored verdict (READY-1..7); null until it is first computed. */
  readiness: StoredVerdict | null;
}

export interface DomainListData {
  rows: DomainListRow[];
  /** Rows whose verdict is missing or stale: recompute them off the request. */
  staleIds: string[];
}

interface MainRow {
  id: string;
  name: string;
  displayName: string;
  createdAt: unknown;
  lastReportDay: string | null;
  weekSuccessful: unknown;
  weekFailed: unknown;
  checkStatus: string | null;
  checkSummary: string | null;
  checkFinishedAt: unknown;
  inputsVersion: unknown;
  computedVersion: unknown;
  rulesVersion: unknown;
  ready: unknown;
  metCount: unknown;
  total: unknown;
  unmet: string | null;
  summary: string | null;
  computedAt: unknown;
  staleAfter: unknown;
}

const toDate = jsonDate;
const toNum = (v: unknown): number => (v === null || v === undefined ? 0 : Number(v));
const toBool = (v: unknown): boolean => v === true || v === 1 || v === 1n || v === "1";

function filterOf(q: DomainListQuery): Prisma.Sql {
  const part = q.nameContains?.trim().toLowerCase();
  if (!part) return Prisma.empty;
  const pattern = `%${part.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return Prisma.sql`WHERE d."name" LIKE ${pattern} ESCAPE '\\'`;
}

const limitOf = (q: DomainListQuery): Prisma.Sql =>
  q.limit === undefined
    ? Prisma.empty
    : Prisma.sql`LIMIT ${Math.max(0, Math.floor(q.limit))} OFFSET ${Math.max(0, Math.floor(q.offset ?? 0))}`;

/** The ids of the page, as a subquery the other two queries filter on. */
const pageIds = (q: DomainListQuery): Prisma.Sql =>
  Prisma.sql`SELECT d."id" FROM "Domain" d ${filterOf(q)} ORDER BY d."name" ${limitOf(q)}`;

const MAIN_COLUMNS: (keyof MainRow)[] = [
  "id",
  "name",
  "displayName",
  "createdAt",
  "lastReportDay",
  "weekSuccessful",
  "weekFailed",
  "checkStatus",
  "checkSummary",
  "checkFinishedAt",
  "inputsVersion",
  "computedVersion",
  "rulesVersion",
  "ready",
  "metCount",
  "total",
  "unmet",
  "summary",
  "computedAt",
  "staleAfter",
];

function mainQuery(db: Db, q: DomainListQuery, from: string, to: string) {
  // Per domain: one primary-key seek for the last report day and one primary-key range
  // (7 days of summaries) per outcome. Correlated on purpose: grouped over the whole page,
  // PostgreSQL scans every rollup row instead (bench:domains:pg).
  const week = (type: string) => Prisma.sql`(SELECT SUM(r."sessions") FROM "DailyRollup" r
    WHERE r."domainId" = d."id" AND r."mxHost" = '*' AND r."day" >= ${from}
      AND r."day" <= ${to} AND r."resultType" = ${type})`;
  const inner = Prisma.sql`
    SELECT d."id", d."name", d."displayName", d."createdAt",
      (SELECT r."day" FROM "DailyRollup" r WHERE r."domainId" = d."id" AND r."mxHost" = '*'
        ORDER BY r."day" DESC LIMIT 1) AS "lastReportDay",
      ${week("success")} AS "weekSuccessful", ${week("failure")} AS "weekFailed",
      c."status" AS "checkStatus", c."summary" AS "checkSummary",
      c."finishedAt" AS "checkFinishedAt",
      v."inputsVersion", v."computedVersion", v."rulesVersion", v."ready", v."metCount",
      v."total", v."unmet", v."summary", v."computedAt", v."staleAfter"
    FROM "Domain" d
    LEFT JOIN "DomainVerdict" v ON v."domainId" = d."id"
    LEFT JOIN "CheckRun" c ON c."id" = (SELECT c2."id" FROM "CheckRun" c2
      WHERE c2."domainId" = d."id" ORDER BY c2."startedAt" DESC LIMIT 1)
    ${filterOf(q)}
    ORDER BY d."name" ${limitOf(q)}`;
  return queryJsonRows<MainRow>(db, inner, MAIN_COLUMNS, "name");
}

interface VersionRow {
  domainId: string;
  seq: number;
  policyId: string;
  mode: string;
  mx: string;
}

/** The page's policy versions, oldest first (ascending seq). */
const policyQuery = (db: Db, q: DomainListQuery) =>
  queryJsonRows<VersionRow>(
    db,
    Prisma.sql`SELECT p."domainId", p."seq", p."policyId", p."mode", p."mx" FROM "PolicyVersion" p
      WHERE p."domainId" IN (${pageIds(q)})`,
    ["domainId", "seq", "policyId", "mode", "mx"],
    "seq",
  );

const verificationQuery = (db: Db, q: DomainListQuery) =>
  queryJsonRows<{ key: string; value: string }>(
    db,
    Prisma.sql`SELECT s."key", s."value" FROM (${pageIds(q)}) p
      JOIN "Setting" s ON s."key" IN ('verify:' || p."id" || ':publish', 'verify:' || p."id" || ':dns')`,
    ["key", "value"],
    "key",
  );

function checkFacts(r: MainRow): CheckRunFacts | null {
  if (r.checkStatus === null) return null;
  let errors = 0;
  try {
    errors = Number((JSON.parse(r.checkSummary ?? "{}") as { error?: unknown }).error ?? 0) || 0;
  } catch {
    errors = 0;
  }
  const status = r.checkStatus === "done" || r.checkStatus === "failed" ? r.checkStatus : "running";
  return { status, errors, finishedAt: toDate(r.checkFinishedAt) };
}

function parseJson<T>(s: string | undefined): T | null {
  if (s === undefined) return null;
  try {
    return JSON.parse(s) as T;
  } catch {
    return null;
  }
}

/** The domain list page's data: a constant number of queries, no readiness evaluation. */
export async function getDomainList(
  db: Db,
  q: DomainListQuery = {},
  now = new Date(),
): Promise<DomainListData> {
  const range = lastDays(7, now);
  const [main, policies, verifications] = await Promise.all([
    mainQuery(db, q, range.from, range.to),
    policyQuery(db, q),
    verificationQuery(db, q),
  ]);
  const versions = new Map<string, VersionRow[]>();
  for (const p of policies) {
    const own = versions.get(p.domainId);
    if (own) own.push(p);
    else versions.set(p.domainId, [p]);
  }
  const verified = new Map(verifications.map((v) => [v.key, v.value]));
  const staleIds: string[] = [];
  const rows = main.map((r): DomainListRow => {
    const own = versions.get(r.id) ?? [];
    const current = own[own.length - 1];
    const policy: PolicyFacts | null = current
      ? {
          policyId: current.policyId,
          mode: current.mode as PolicyFacts["mode"],
          mx: parseJson<string[]>(current.mx) ?? [],
        }
      : null;
    const facts = {
      check: checkFacts(r),
      policy,
      policyIds: own.map((v) => v.policyId),
      publish: parseJson<PublishVerification>(verified.get(`verify:${r.id}:publish`)),
      dns: parseJson<DnsVerification>(verified.get(`verify:${r.id}:dns`)),
    };
    const verdictRow =
      r.computedVersion === null || r.computedVersion === undefined
        ? null
        : {
            inputsVersion: toNum(r.inputsVersion),
            computedVersion: toNum(r.computedVersion),
            rulesVersion: toNum(r.rulesVersion),
            ready: toBool(r.ready),
            metCount: toNum(r.metCount),
            total: toNum(r.total),
            unmet: r.unmet ?? "[]",
            summary: r.summary ?? "",
            computedAt: toDate(r.computedAt),
            staleAfter: toDate(r.staleAfter),
          };
    const readiness = toStoredVerdict(verdictRow, now);
    if (readiness === null || readiness.stale) staleIds.push(r.id);
    const successful = toNum(r.weekSuccessful);
    const failed = toNum(r.weekFailed);
    return {
      id: r.id,
      name: r.name,
      displayName: r.displayName,
      createdAt: toDate(r.createdAt) ?? now,
      mode: policy?.mode ?? null,
      lastReportDay: r.lastReportDay,
      week: { successful, failed, rate: failureRate(successful, failed) },
      rollout: whereItStands(rolloutState(facts), policy?.mode ?? null),
      readiness,
    };
  });
  return { rows, staleIds };
}
