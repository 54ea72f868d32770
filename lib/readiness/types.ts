import type { CheckReport } from "@/lib/checker/types";

// Inputs and verdict of the "ready to enforce" criteria (spec §15, READY-1..7).

export type CriterionId =
  "READY-1" | "READY-2" | "READY-3" | "READY-4" | "READY-5" | "READY-6" | "READY-7";
export type CriterionStatus = "met" | "not-met" | "unknown";

export interface Criterion {
  id: CriterionId;
  title: string;
  status: CriterionStatus;
  /** One sentence: why this status. */
  summary: string;
  /** The facts behind it: reporters, days, MX hosts, failures, checker results. */
  evidence: string[];
}

export interface PolicyState {
  policyId: string;
  mode: string;
  maxAge: number;
  mx: string[];
  createdAt: Date;
}

/** RPT-DELIV-7: how the report behind an entry was authenticated (Report.auth). */
export interface EntryAuth {
  /** The report's row id: evidence counts reports, not entries. */
  report: number;
  /** "imap", "https", "upload" or "cli". */
  channel: string;
  /** "pass" (aligned DKIM pass), "unaligned", "fail", "none" or "unauthenticated". */
  result: string;
  /** d= of the signature behind `result`. */
  domain: string | null;
  /** An admin accepted this reporter (AcceptedReporter). */
  accepted: boolean;
}

/** One policy entry of one stored report (ReportPolicy). */
export interface ReportEntry {
  day: string;
  reporterKey: string;
  organization: string;
  policyType: string;
  policyStrings: string[];
  successful: number;
  failed: number;
  auth: EntryAuth;
}

/** One failure-detail row (FailureDetail) with the entry it belongs to. */
export interface FailureEntry {
  day: string;
  reporterKey: string;
  organization: string;
  policyType: string;
  resultType: string;
  /** null when the report did not name the MX. */
  mxHost: string | null;
  sessions: number;
  reasonCode: string | null;
}

export interface ReadinessInput {
  now: Date;
  /** The version being served (null: no policy yet). */
  policy: PolicyState | null;
  /** Every version, any order: which mode was served on which day. */
  history: readonly { mode: string; createdAt: Date }[];
  /** The latest finished checker run. */
  check: { finishedAt: Date; report: CheckReport } | null;
  /** READY-1/2: a checker run older than this many hours is stale (STS_CHECK_MAX_AGE_HOURS). */
  checkMaxAgeHours: number;
  /** Report entries and failures of the last LOOKBACK_DAYS days. */
  entries: readonly ReportEntry[];
  failures: readonly FailureEntry[];
  /** RPT-DELIV-7: mail reports left out (quarantined), per reporter key; absent = none. */
  quarantined?: readonly { reporterKey: string; reports: number }[];
}

export interface RefusalEstimate {
  day: string;
  mxHost: string;
  sessions: number;
  byType: Record<string, number>;
}

/** READY-1/2: whether the latest checker run can be judged (fresh) or a new one is needed. */
export interface CheckFreshness {
  state: "fresh" | "missing" | "stale";
  /** Why a new run is needed; "" when fresh. */
  reason: string;
}

/** Failed sessions of one MX on one day, by result type. */
export interface MxDay {
  day: string;
  byType: Record<string, number>;
}

/** The per-MX verdict: any MX that keeps failing blocks enforce (RFC 8461 §8.4). */
export interface MxVerdict {
  /** "" = failures that named no MX ("not attributed"). */
  host: string;
  /** The policy mx pattern covering it, or null. */
  pattern: string | null;
  /** Days of the window with failures, newest first. */
  days: MxDay[];
  /** Days of the last 7 with failures. */
  daysWithFailures: number;
  lastFailure: string | null;
  blocking: boolean;
  /** In words: why it blocks, or why not. */
  reason: string;
}

export interface Readiness {
  ready: boolean;
  metCount: number;
  criteria: Criterion[];
  /** The days READY-4/6 and the estimate look at, and READY-5's last 7 days. */
  window: { from: string; to: string };
  lastWeek: { from: string; to: string };
  /** Sessions that would have been refused in enforce, per MX and day (window). */
  refusals: RefusalEstimate[];
  check: CheckFreshness;
  /** Every MX in the policy or named in a report, plus "not attributed" when any. */
  mx: MxVerdict[];
}
