// Issue 14 deliverable 2: drift and expiry detection. Pure: the detectors take plain values
// (stored check runs' facts, policy versions, report rollups) and return findings; lib/db/watch
// loads the inputs, stores the findings and raises the alerts.
import type { CheckFacts, CheckResult } from "../checker/types";
import type { StsMode } from "../mta-sts/policy-types";
import type { MessageRef } from "../i18n/message-ref";

/** The alert kinds a detector can find (the contract's list, without TEST). */
export type WatchKind =
  | "CHK-OPS-1"
  | "CHK-OPS-2"
  | "CHK-OPS-3"
  | "CHK-OPS-4"
  | "WATCH-CERT"
  | "WATCH-SILENCE"
  | "WATCH-FAILURES";

export interface Finding {
  kind: WatchKind;
  /** What it is about: an MX host, "policy", a certificate's host; the repeat key with kind. */
  subject: string;
  severity: "error" | "warning";
  title: string;
  /** The evidence: what was seen, with values. */
  detail: string;
  /** What to do. */
  fix: string;
  /** The same three texts as MessageRefs (issue 16 §6), for the check page, German alerts
   * and the timeline; kinds without them are shown in English everywhere. */
  i18n?: FindingText;
}

/** A finding's texts as MessageRefs, stored as JSON with the finding and its alert. */
export interface FindingText {
  /** `checks` (CHK-OPS-*, keys `ops.*`, shared with the check page) or `findings` (WATCH-*). */
  namespace: "checks" | "findings";
  title: MessageRef;
  detail: MessageRef;
  fix: MessageRef;
}

/**
 * One detector's verdict. `evaluated: false` means it could not judge this time (no check
 * facts, the DNS lookup failed): open findings of its kind stay open. `keep` lists subjects
 * whose state is unknown this time (an MX host not reached): their open findings stay too.
 */
export interface Detection {
  kind: WatchKind;
  evaluated: boolean;
  findings: Finding[];
  keep: string[];
}

export interface WatchRun {
  /** When the run finished. */
  at: Date;
  facts: CheckFacts;
  /** The run's results, for evidence (a failed policy fetch's error). */
  results: CheckResult[];
}

export interface WatchPolicyVersion {
  seq: number;
  policyId: string;
  mode: StsMode;
  maxAge: number;
  mx: string[];
  body: string;
  createdAt: Date;
}

/** Sessions per day, MX host and result type, summed over reporters (DailyRollup). */
export interface WatchRollup {
  day: string;
  /** "*" for the summary totals (resultType "success"/"failure"); "" for an unknown MX. */
  mxHost: string;
  resultType: string;
  sessions: number;
}

export interface WatchThresholds {
  /** WATCH-CERT: a certificate expiring within this many days (default 14). */
  certDays: number;
  /** WATCH-SILENCE: this many whole days without reports after they had flowed. */
  silenceDays: number;
  /** WATCH-FAILURES: failure rate on one MX above this percentage of the domain's sessions. */
  failurePercent: number;
  /** WATCH-FAILURES: the window, in days up to today, the rate and new result types look at. */
  failureWindowDays: number;
}

export interface WatchInput {
  domain: string;
  now: Date;
  /** Recent finished check runs with facts, newest first: runs[0] is the one just stored. */
  runs: WatchRun[];
  /** Every policy version of the domain, newest first (the first is the current one). */
  versions: WatchPolicyVersion[];
  /** Rollups of the failure window and the baseline before it (60 days). */
  rollups: WatchRollup[];
  /** The newest day any report covered (summary rollups, all time), or null. */
  lastReportDay: string | null;
  thresholds: WatchThresholds;
}

export const noDetection = (kind: WatchKind): Detection => ({
  kind,
  evaluated: false,
  findings: [],
  keep: [],
});
