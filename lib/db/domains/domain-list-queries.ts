import { Prisma } from "@/prisma/generated/sqlite/client";
import type { Db } from "../client";
import { queryJsonRows } from "../json-rows";
import type { DomainListQuery } from "./domain-list";

// The domain list's statements (issue 13, issue 16): the candidates (ids and names passing
// the SQL filters), then three statements scoped to one page of ids (or, for the step
// filter and the unpaged list, to the filters themselves). Both engines run the same SQL
// inside queryJsonRows' per-dialect JSON wrapper (one JSON value per statement).

export interface MainRow {
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

/** Which domains a statement covers: a page of ids, or every domain the SQL filters pass. */
export type DomainScope = { ids: readonly string[] } | { filter: DomainListQuery };

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** The filters that live in SQL (name, mode, readiness), over `d` (Domain) and `v` (verdict). */
function conditions(q: DomainListQuery): Prisma.Sql[] {
  const out: Prisma.Sql[] = [];
  const part = q.nameContains?.trim().toLowerCase();
  if (part) {
    const pattern = `%${escapeLike(part)}%`;
    out.push(
      Prisma.sql`(d."name" LIKE ${pattern} ESCAPE '\\' OR d."displayName" LIKE ${pattern} ESCAPE '\\')`,
    );
  }
  if (q.mode === "no-policy")
    out.push(Prisma.sql`NOT EXISTS (SELECT 1 FROM "PolicyVersion" p WHERE p."domainId" = d."id")`);
  else if (q.mode)
    // The served version is the newest (highest seq); (domainId, seq) is indexed.
    out.push(Prisma.sql`(SELECT p."mode" FROM "PolicyVersion" p WHERE p."domainId" = d."id"
      ORDER BY p."seq" DESC LIMIT 1) = ${q.mode}`);
  if (q.readiness === "unknown") out.push(Prisma.sql`v."computedAt" IS NULL`);
  else if (q.readiness)
    out.push(
      Prisma.sql`v."computedAt" IS NOT NULL AND v."ready" = ${Prisma.raw(q.readiness === "ready" ? "TRUE" : "FALSE")}`,
    );
  return out;
}

function whereOf(scope: DomainScope): Prisma.Sql {
  if ("ids" in scope) {
    if (scope.ids.length === 0) return Prisma.sql`WHERE 1 = 0`;
    return Prisma.sql`WHERE d."id" IN (${Prisma.join(scope.ids)})`;
  }
  const c = conditions(scope.filter);
  return c.length === 0 ? Prisma.empty : Prisma.sql`WHERE ${Prisma.join(c, " AND ")}`;
}

/** The ids in scope, as a subquery the other two queries filter on. */
const scopeIds = (scope: DomainScope): Prisma.Sql =>
  Prisma.sql`SELECT d."id" FROM "Domain" d LEFT JOIN "DomainVerdict" v ON v."domainId" = d."id"
    ${whereOf(scope)}`;

/** Id and names of every domain the SQL filters pass: the page is cut from these after the
 * natural sort (SQL's text order puts d10 before d2; neither engine has a numeric collation
 * both share), so the other queries only ever read one page. */
export const candidateQuery = (db: Db, q: DomainListQuery) =>
  queryJsonRows<{ id: string; name: string; displayName: string }>(
    db,
    Prisma.sql`SELECT d."id", d."name", d."displayName" FROM "Domain" d
      LEFT JOIN "DomainVerdict" v ON v."domainId" = d."id" ${whereOf({ filter: q })}`,
    ["id", "name", "displayName"],
    "name",
  );

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

const verdictColumns = Prisma.sql`,
      v."inputsVersion", v."computedVersion", v."rulesVersion", v."ready", v."metCount",
      v."total", v."unmet", v."summary", v."computedAt", v."staleAfter"`;

/** `week` null: without the report columns (null), for the step filter's facts. */
export function mainQuery(db: Db, scope: DomainScope, week: { from: string; to: string } | null) {
  // Per domain: one primary-key seek for the last report day and one primary-key range
  // (7 days of summaries) per outcome. Correlated on purpose: grouped over the whole page,
  // PostgreSQL scans every rollup row instead (bench:domains:pg).
  const sum = (type: string, w: { from: string; to: string }) =>
    Prisma.sql`(SELECT SUM(r."sessions") FROM "DailyRollup" r
    WHERE r."domainId" = d."id" AND r."mxHost" = '*' AND r."day" >= ${w.from}
      AND r."day" <= ${w.to} AND r."resultType" = ${type})`;
  const reports =
    week === null
      ? Prisma.sql`NULL AS "lastReportDay", NULL AS "weekSuccessful", NULL AS "weekFailed"`
      : Prisma.sql`(SELECT r."day" FROM "DailyRollup" r WHERE r."domainId" = d."id" AND r."mxHost" = '*'
        ORDER BY r."day" DESC LIMIT 1) AS "lastReportDay",
      ${sum("success", week)} AS "weekSuccessful", ${sum("failure", week)} AS "weekFailed"`;
  const inner = Prisma.sql`
    SELECT d."id", d."name", d."displayName", d."createdAt", ${reports},
      c."status" AS "checkStatus", c."summary" AS "checkSummary",
      c."finishedAt" AS "checkFinishedAt"${week === null ? Prisma.empty : verdictColumns}
    FROM "Domain" d
    LEFT JOIN "DomainVerdict" v ON v."domainId" = d."id"
    LEFT JOIN "CheckRun" c ON c."id" = (SELECT c2."id" FROM "CheckRun" c2
      WHERE c2."domainId" = d."id" ORDER BY c2."startedAt" DESC LIMIT 1)
    ${whereOf(scope)}`;
  // Without the report columns (the step filter's facts) the verdict columns are left out
  // of the JSON too: the readiness filter already ran in SQL.
  return queryJsonRows<MainRow>(db, inner, week === null ? FACT_COLUMNS : MAIN_COLUMNS, "name");
}

const FACT_COLUMNS: (keyof MainRow)[] = [
  "id",
  "name",
  "displayName",
  "createdAt",
  "checkStatus",
  "checkSummary",
  "checkFinishedAt",
];

export interface VersionRow {
  domainId: string;
  seq: number;
  policyId: string;
  mode: string;
  mx: string;
}

/** The page's policy versions, oldest first (ascending seq). */
export const policyQuery = (db: Db, scope: DomainScope) =>
  queryJsonRows<VersionRow>(
    db,
    Prisma.sql`SELECT p."domainId", p."seq", p."policyId", p."mode", p."mx" FROM "PolicyVersion" p
      WHERE p."domainId" IN (${scopeIds(scope)})`,
    ["domainId", "seq", "policyId", "mode", "mx"],
    "seq",
  );

export const verificationQuery = (db: Db, scope: DomainScope) =>
  queryJsonRows<{ key: string; value: string }>(
    db,
    Prisma.sql`SELECT s."key", s."value" FROM (${scopeIds(scope)}) p
      JOIN "Setting" s ON s."key" IN ('verify:' || p."id" || ':publish', 'verify:' || p."id" || ':dns')`,
    ["key", "value"],
    "key",
  );
