import { Prisma } from "@/prisma/generated/sqlite/client";
import type { Db } from "../client";
import { jsonDate, queryJsonRows } from "../json-rows";
import { isStale } from "../readiness/verdict";
import type { PolicyMode } from "@/lib/checker/types";
import type { MetricSample } from "@/lib/metrics/sample";

// Per-domain readiness and policy mode as gauges with a domain label (issue 14 §4), from
// one statement whatever the number of domains: each domain with its stored verdict
// (DomainVerdict, READY-1..7) and the mode of its newest policy version (the one served).
// The stored verdict is reported as it is; sts_domain_verdict_stale says when it waits for
// a recomputation (the domain list, the Enforce page and each stored check refresh it).

export const MODES: readonly PolicyMode[] = ["none", "testing", "enforce"];

interface Row {
  name: string;
  mode: string | null;
  inputsVersion: unknown;
  computedVersion: unknown;
  rulesVersion: unknown;
  ready: unknown;
  metCount: unknown;
  total: unknown;
  computedAt: unknown;
  staleAfter: unknown;
}

const COLUMNS: (keyof Row)[] = [
  "name",
  "mode",
  "inputsVersion",
  "computedVersion",
  "rulesVersion",
  "ready",
  "metCount",
  "total",
  "computedAt",
  "staleAfter",
];

const num = (v: unknown): number => (v === null || v === undefined ? 0 : Number(v));
const bool = (v: unknown): boolean => v === true || v === 1 || v === "1";

const gauge = (name: string, help: string, labels: Record<string, string>, value: number) => ({
  name,
  help,
  type: "gauge" as const,
  labels,
  value,
});

export async function domainMetrics(db: Db, now = new Date()): Promise<MetricSample[]> {
  // The newest version per domain is one seek on the (domainId, seq) index.
  const rows = await queryJsonRows<Row>(
    db,
    Prisma.sql`SELECT d."name",
        (SELECT p."mode" FROM "PolicyVersion" p WHERE p."domainId" = d."id"
          ORDER BY p."seq" DESC LIMIT 1) AS "mode",
        v."inputsVersion", v."computedVersion", v."rulesVersion", v."ready", v."metCount",
        v."total", v."computedAt", v."staleAfter"
      FROM "Domain" d LEFT JOIN "DomainVerdict" v ON v."domainId" = d."id"`,
    COLUMNS,
    "name",
  );
  return rows.flatMap((r): MetricSample[] => {
    const domain = { domain: r.name };
    const computedAt = jsonDate(r.computedAt);
    const verdict =
      r.computedVersion === null || r.computedVersion === undefined
        ? null
        : {
            inputsVersion: num(r.inputsVersion),
            computedVersion: num(r.computedVersion),
            rulesVersion: num(r.rulesVersion),
            ready: bool(r.ready),
            metCount: num(r.metCount),
            total: num(r.total),
            unmet: "[]",
            summary: "",
            computedAt,
            staleAfter: jsonDate(r.staleAfter),
          };
    const known = verdict !== null && computedAt !== null;
    return [
      gauge(
        "sts_domain_ready",
        "1 when the stored verdict says the domain is ready to enforce (READY-1..7 all met), else 0.",
        domain,
        known && verdict.ready ? 1 : 0,
      ),
      gauge(
        "sts_domain_readiness_criteria_met",
        "READY criteria the stored verdict finds met (of sts_domain_readiness_criteria).",
        domain,
        known ? verdict.metCount : 0,
      ),
      gauge(
        "sts_domain_readiness_criteria",
        "READY criteria judged for the domain (0 before its first verdict).",
        domain,
        known ? verdict.total : 0,
      ),
      gauge(
        "sts_domain_verdict_stale",
        "1 when the stored verdict is missing or older than its inputs (a recomputation is due).",
        domain,
        isStale(verdict, now) ? 1 : 0,
      ),
      ...MODES.map((mode) =>
        gauge(
          "sts_domain_policy_mode",
          "1 for the mode of the policy served now (none, testing, enforce); all 0 without a policy.",
          { ...domain, mode },
          r.mode === mode ? 1 : 0,
        ),
      ),
    ];
  });
}
