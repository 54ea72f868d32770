import type { Db } from "../client";
import { jsonDate } from "../json-rows";
import {
  candidateQuery,
  mainQuery,
  policyQuery,
  verificationQuery,
  type DomainScope,
  type MainRow,
  type VersionRow,
} from "./domain-list-queries";
import { toStoredVerdict, type StoredVerdict } from "../readiness/verdict";
import type { DnsVerification, PublishVerification } from "@/lib/rollout/types";
import type { ModeFilter, ReadinessFilter, StepFilter } from "@/lib/domains/list-params";
import { naturalCompare } from "@/lib/domains/list-params";
import {
  openStep,
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
// Issue 16: search, filters (mode and readiness in SQL, the step computed here), natural
// sort (d1, d2, d10: Intl.Collator numeric, in JS over the candidates' names, since the two
// engines share no numeric collation) and paging. A page costs four queries: the
// candidates (ids and names only), then the three above for the page's ids. The step filter
// needs the rows of every candidate (the step is derived from their facts), so it reads
// them (without the report columns) scoped by the SQL filters, cuts the page, then reads
// the page in full: six queries.

export interface DomainListQuery {
  /** Part of the A-label or the display name, case-insensitive. */
  nameContains?: string;
  mode?: ModeFilter;
  readiness?: ReadinessFilter;
  step?: StepFilter;
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
  /** Where the domain stands in the four rollout steps; `step` is the first not done. */
  rollout: { label: string; status: StepStatus; step: StepFilter };
  /** The stored verdict (READY-1..7); null until it is first computed. */
  readiness: StoredVerdict | null;
}

export interface DomainListData {
  rows: DomainListRow[];
  /** Rows whose verdict is missing or stale: recompute them off the request. */
  staleIds: string[];
  /** Domains that pass the search and filters, on every page together. */
  total: number;
}

const toDate = jsonDate;
const toNum = (v: unknown): number => (v === null || v === undefined ? 0 : Number(v));
const toBool = (v: unknown): boolean => v === true || v === 1 || v === 1n || v === "1";

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

const byName = (a: { displayName: string; name: string }, b: typeof a) =>
  naturalCompare(a.displayName, b.displayName) || naturalCompare(a.name, b.name);

function cut<T>(xs: T[], q: DomainListQuery): T[] {
  if (q.limit === undefined) return xs;
  const offset = Math.max(0, Math.floor(q.offset ?? 0));
  return xs.slice(offset, offset + Math.max(0, Math.floor(q.limit)));
}

/** The domain list page's data: a constant number of queries, no readiness evaluation. */
export async function getDomainList(
  db: Db,
  q: DomainListQuery = {},
  now = new Date(),
): Promise<DomainListData> {
  const ofStep = (r: DomainListRow) => q.step === undefined || r.rollout.step === q.step;
  if (q.limit === undefined) {
    const all = (await rowsIn(db, { filter: q }, now, true)).filter(ofStep).sort(byName);
    return { rows: all, staleIds: staleOf(all), total: all.length };
  }
  // The step needs each candidate's facts: read them without the report columns (the
  // costly part), then the page in full.
  const candidates = (
    q.step === undefined
      ? await candidateQuery(db, q)
      : (await rowsIn(db, { filter: q }, now, false)).filter(ofStep)
  ).sort(byName);
  const page = cut(candidates, q);
  const order = new Map(page.map((c, i) => [c.id, i]));
  const rows = (await rowsIn(db, { ids: page.map((c) => c.id) }, now, true)).sort(
    (a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0),
  );
  return { rows, staleIds: staleOf(rows), total: candidates.length };
}

const staleOf = (rows: DomainListRow[]) =>
  rows.filter((r) => r.readiness === null || r.readiness.stale).map((r) => r.id);

/** The rows of the domains in `scope`, in no particular order: three queries. Without
 * `reports`, the last report day and the week's sessions are left at none. */
async function rowsIn(
  db: Db,
  scope: DomainScope,
  now: Date,
  reports: boolean,
): Promise<DomainListRow[]> {
  const range = lastDays(7, now);
  const [main, policies, verifications] = await Promise.all([
    mainQuery(db, scope, reports ? range : null),
    policyQuery(db, scope),
    verificationQuery(db, scope),
  ]);
  const versions = new Map<string, VersionRow[]>();
  for (const p of policies) {
    const own = versions.get(p.domainId);
    if (own) own.push(p);
    else versions.set(p.domainId, [p]);
  }
  const verified = new Map(verifications.map((v) => [v.key, v.value]));
  return main.map((r): DomainListRow => {
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
    const state = rolloutState(facts);
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
      rollout: { ...whereItStands(state, policy?.mode ?? null), step: openStep(state) },
      readiness,
    };
  });
}
