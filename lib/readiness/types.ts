import type { CheckReport } from "@/lib/checker/types";
import type { MessageRef } from "@/lib/i18n/message-ref";

/**
 * A MessageRef whose sentence quotes reasons (issue 16 §6, reason-text.ts): each
 * `reasons[name]` lists messages of the "readinessReasons" namespace (or `namespace`), which the page
 * translates (their own reasons first) and joins by "; " into the parameter `name`;
 * `params[name]` holds their English, shown where a key is unknown.
 */
export interface ReasonedRef extends MessageRef {
  reasons?: Record<string, ReasonedRef[]>;
  /** A quoted checker result's title or evidence: a message of "checks", not of
   * "readinessReasons". */
  namespace?: "checks";
}

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
  /** The same sentence as a message of the "readiness.summary" namespace, where one exists
   * (issue 16 §6); without it the UI shows `summary`. */
  message?: ReasonedRef;
  /** A not-met summary that lists problems (READY-4, READY-5): each problem as a message of
   * the "readinessReasons" namespace ("problems.*"), shown joined in
   * "readinessReasons.problemList" with its period (issue 16 §6). */
  problems?: { list: MessageRef[]; from: string; to: string };
  /** A sentence `summary` adds after the one `message` or `problems` says (READY-5's quiet
   * reporters), as a message of "readiness.summary"; the UI shows it after theirs. */
  summaryMore?: ReasonedRef;
  /** The facts behind it: reporters, days, MX hosts, failures, checker results. */
  evidence: string[];
  /** Issue 16 §6: each evidence line, index for index, as a message of the
   * "readinessEvidence" namespace, or null where the line has none (shown as is). Absent
   * when no line has one. */
  evidenceRefs?: (ReasonedRef | null)[];
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
  /** The ReportPolicy row, linking failures to their entry (older-policy filter). */
  entryId?: number;
  /** When the report arrived (late reports re-open their day, issue 15 item 2). */
  receivedAt?: Date;
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
  /** The ReportPolicy row this detail belongs to. */
  entryId?: number;
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
  /** Every policy version with its id and max_age, newest first (older-policy entries). */
  versions?: readonly PolicyState[];
  /** Days after a day's end before it counts as complete without every usual reporter. */
  graceDays?: number;
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
  /** The reason as a message of "readiness.summary" (issue 16 §6). */
  message?: MessageRef;
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
  /** The same sentence as a message of the "readinessReasons" namespace (issue 16 §6); the
   * lists of failures in it come from mxReasonParams (mx-verdict.ts), in the UI's locale. */
  message: MessageRef;
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
  /** Reporters × days, complete days, late reports, older-policy entries (issue 15). */
  coverage: Coverage;
  /** Each failure group of the window with whose side it is on (issue 15 item 4). */
  sides: SideFailure[];
}

export type FailureSide = "ours" | "sender" | "unknown";

/** Failed sessions of one result type, reporter, MX and reason code, classified. */
export interface SideFailure {
  day: string;
  organization: string;
  resultType: string;
  mxHost: string | null;
  reasonCode: string | null;
  sessions: number;
  side: FailureSide;
  /** Why this side, in words. */
  why: string;
  /** The same as a message of the "readinessReasons" namespace ("side.*", issue 16 §6);
   * absent in verdicts stored before, which show `why`. */
  whyRef?: ReasonedRef;
}

export type CoverageCellState = "reported" | "zero-sessions" | "older-policy" | "none";

export interface CoverageCell {
  day: string;
  state: CoverageCellState;
  sessions: number;
  failed: number;
  /** MX hosts named in this reporter's failures on this day ("" = not named). */
  mxHosts: string[];
  /** "under policy <id>" for older-policy entries; else "". */
  note: string;
}

export interface CoverageRow {
  reporterKey: string;
  organization: string;
  /** Sent a report with sessions in the 30 days before the last complete day. */
  usual: boolean;
  /** A usual reporter with no report in the last 7 days: its silence is not clean. */
  quiet: boolean;
  /** The last day it reported sessions, or null. */
  lastDay: string | null;
  cells: CoverageCell[];
}

export interface LateReport {
  day: string;
  organization: string;
  receivedAt: string;
  daysLate: number;
}

export interface Coverage {
  /** The days of the matrix, oldest first (the window plus the days still open). */
  days: string[];
  /** The last 7 days up to yesterday: a usual reporter silent in them is quiet. */
  recent: { from: string; to: string };
  /** The newest day every later verdict can rely on, or null before any report. */
  lastComplete: string | null;
  graceDays: number;
  /** Days after lastComplete still waiting, with the usual reporters missing. */
  open: { day: string; missing: string[] }[];
  /** Complete days in the matrix that a usual reporter never reported (closed by the grace). */
  gaps: { day: string; missing: string[] }[];
  /** Reports that arrived after their day's grace period ended: that day was re-judged. */
  late: LateReport[];
  /** Entries showing an older policy within max_age of the change: not evidence now. */
  olderPolicy: { day: string; organization: string; policyId: string }[];
  rows: CoverageRow[];
}
