// "Changed since the last run" (§14.6 groundwork): compares two reports result by result.
import type { CheckReport, CheckResult, CheckSeverity } from "./types";

export type ChangeKind =
  /** A result that the previous run did not have. */
  | "new"
  /** Present before, absent now (e.g. an MX host was removed). */
  | "gone"
  /** Was error/warning, now ok/info. */
  | "fixed"
  /** Was ok/info/untested, now error/warning. */
  | "regressed"
  /** Other severity changes (error ↔ warning, ok ↔ untested, …). */
  | "changed"
  /** Same severity, different evidence (record text, certificate, TLS version). */
  | "evidence";

export interface ResultChange {
  kind: ChangeKind;
  id: string;
  target?: string;
  /** The address of `target` the result is about (per-address checks). */
  address?: string;
  before: CheckResult | null;
  after: CheckResult | null;
}

const PROBLEM: ReadonlySet<CheckSeverity> = new Set(["error", "warning"]);

/**
 * Evidence without the measurements that differ on every run (fetch time "21 ms", days left
 * "(89 days)"): a renewed certificate still shows as a change through its expiry date.
 */
const steadyEvidence = (evidence: string) =>
  evidence.replace(/\b\d+ ms\b/g, "# ms").replace(/\(-?\d+ days?\)/g, "(# days)");
const keyOf = (r: CheckResult) => `${r.id}|${r.target ?? ""}|${r.address ?? ""}`;
/** The key a result had before per-address probing (runs stored without `address`). */
const hostKeyOf = (r: CheckResult) => `${r.id}|${r.target ?? ""}|`;

function byKey(results: readonly CheckResult[]): Map<string, CheckResult> {
  const map = new Map<string, CheckResult>();
  for (const r of results) {
    let key = keyOf(r);
    for (let n = 2; map.has(key); n++) key = `${keyOf(r)}#${n}`;
    map.set(key, r);
  }
  return map;
}

function kindOf(before: CheckResult, after: CheckResult): ChangeKind | null {
  if (before.severity === after.severity)
    return steadyEvidence(before.evidence) === steadyEvidence(after.evidence) ? null : "evidence";
  if (PROBLEM.has(before.severity) && (after.severity === "ok" || after.severity === "info"))
    return "fixed";
  if (!PROBLEM.has(before.severity) && PROBLEM.has(after.severity)) return "regressed";
  return "changed";
}

/** Lists what changed from `prev` to `next`; unchanged results are left out. */
export function diffReports(prev: CheckReport | null, next: CheckReport): ResultChange[] {
  const before = byKey(prev?.results ?? []);
  const after = byKey(next.results);
  const changes: ResultChange[] = [];
  const entry = (kind: ChangeKind, b: CheckResult | null, a: CheckResult | null): ResultChange => {
    const r = (a ?? b) as CheckResult;
    return {
      kind,
      id: r.id,
      ...(r.target === undefined ? {} : { target: r.target }),
      ...(r.address === undefined ? {} : { address: r.address }),
      before: b,
      after: a,
    };
  };
  // Per host and id, the result of the first address (IPv4 first, as probed).
  const firstAddress = new Map<string, CheckResult>();
  const rank = (x: CheckResult) => `${Number((x.address ?? "").includes(":"))}${x.address ?? ""}`;
  for (const a of after.values()) {
    if (a.address === undefined) continue;
    const seen = firstAddress.get(hostKeyOf(a));
    if (!seen || rank(a) < rank(seen)) firstAddress.set(hostKeyOf(a), a);
  }
  for (const [key, a] of after) {
    // A run stored before per-address probing has one result per host: compare it with the
    // first address's result instead of listing it as gone and the address as new.
    let b = before.get(key);
    if (!b && a.address !== undefined && firstAddress.get(hostKeyOf(a)) === a) {
      const old = before.get(hostKeyOf(a));
      if (old && old.address === undefined) {
        b = old;
        before.delete(hostKeyOf(a));
      }
    }
    if (!b) changes.push(entry("new", null, a));
    else {
      const kind = kindOf(b, a);
      if (kind) changes.push(entry(kind, b, a));
    }
  }
  for (const [key, b] of before) if (!after.has(key)) changes.push(entry("gone", b, null));
  return changes;
}
