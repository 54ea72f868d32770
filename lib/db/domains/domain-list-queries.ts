import { Prisma } from "@/prisma/generated/sqlite/client";
import type { Db } from "../client";
import { queryJsonRows } from "../json-rows";
import type { DomainListQuery } from "./domain-list";

// The domain list's three statements (issue 13), each filtered to the same page of
// domains, so search and paging (issue 16) change one fragment. Both engines run the same
// SQL inside queryJsonRows' per-dialect JSON wrapper (one JSON value per statement).

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

export function mainQuery(db: Db, q: DomainListQuery, from: string, to: string) {
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

export interface VersionRow {
  domainId: string;
  seq: number;
  policyId: string;
  mode: string;
  mx: string;
}

/** The page's policy versions, oldest first (ascending seq). */
export const policyQuery = (db: Db, q: DomainListQuery) =>
  queryJsonRows<VersionRow>(
    db,
    Prisma.sql`SELECT p."domainId", p."seq", p."policyId", p."mode", p."mx" FROM "PolicyVersion" p
      WHERE p."domainId" IN (${pageIds(q)})`,
    ["domainId", "seq", "policyId", "mode", "mx"],
    "seq",
  );

export const verificationQuery = (db: Db, q: DomainListQuery) =>
  queryJsonRows<{ key: string; value: string }>(
    db,
    Prisma.sql`SELECT s."key", s."value" FROM (${pageIds(q)}) p
      JOIN "Setting" s ON s."key" IN ('verify:' || p."id" || ':publish', 'verify:' || p."id" || ':dns')`,
    ["key", "value"],
    "key",
  );
