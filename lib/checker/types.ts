import type { DnsClient } from "../dns/resolver";
import type { MessageRef } from "../i18n/message-ref";

/**
 * "untested" means the checker could not find out (port 25 blocked, timeout, refused
 * address, deadline). It is never a pass (§14.4 note).
 */
export type CheckSeverity = "error" | "warning" | "info" | "ok" | "untested";

/** One line of the report. Plain data: JSON-serialisable, stored by the dashboard as is. */
export interface CheckResult {
  /** CHK-* id from the spec §14, or CHK-AUTH-*, CHK-NET-*, CHK-DNS-* (see ids.md). */
  id: string;
  severity: CheckSeverity;
  title: string;
  /** What was seen: record text, status line, certificate details, TLS version. */
  evidence: string;
  /** What to change, concretely. Empty for ok/info results that need nothing. */
  fix: string;
  /** The host the result is about (an MX host, the policy host), when not the domain. */
  target?: string;
  /**
   * The address of `target` the result is about, when the check probes each A/AAAA address
   * on its own (CHK-MX-3…8, CHK-HOST-2…8). Absent in runs stored before per-address probing.
   */
  address?: string;
  /**
   * The texts as MessageRefs of the `checks` namespace (issue 16 §6), for the check page to
   * show in the user's language; a text without one is shown as is (raw data, or a run
   * stored before the texts were translatable).
   */
  i18n?: CheckResultI18n;
}

export interface CheckResultI18n {
  title?: MessageRef;
  evidence?: MessageRef;
  fix?: MessageRef;
  /**
   * A fix that quotes parser diagnostics (CHK-TXT-2…6, CHK-RPT-*, CHK-POL-*): their refs,
   * namespace `diagnostics`, in order; the fix is their texts joined by a space, a policy
   * diagnostic's after its line (`checks` "policy.atLine"). Set only when every diagnostic
   * has a ref.
   */
  fixDiagnostics?: QuotedDiagnostic[];
}

/** A diagnostic quoted in a fix: its ref, and the policy line it is on (if it has one). */
export interface QuotedDiagnostic extends MessageRef {
  line?: number;
}

export type PolicyMode = "enforce" | "testing" | "none";

export interface ProbeProgress {
  finished: number;
  total: number;
}

export type CheckEvent =
  | { type: "probe-started"; probe: string; target?: string; at: number }
  | { type: "result"; probe: string; result: CheckResult }
  | { type: "probe-finished"; probe: string; ms: number; progress: ProbeProgress }
  | { type: "done"; report: CheckReport };

export interface CheckSummary {
  error: number;
  warning: number;
  info: number;
  ok: number;
  untested: number;
}

/** A certificate the run saw, for expiry tracking (issue 14, WATCH-CERT). */
export interface SeenCert {
  /** "mx": an MX host's STARTTLS certificate; "policy": the policy host's HTTPS one. */
  role: "mx" | "policy";
  host: string;
  address: string;
  subject: string;
  /** notAfter, ISO 8601. */
  validTo: string;
  fingerprint256: string;
}

/**
 * What the run observed, as data rather than evidence text, so the dashboard can compare runs
 * (§14.6 change tracking, issue 14). "unknown": the checker could not find out (lookup error,
 * deadline, unreachable); never read as "gone".
 */
export interface CheckFacts {
  /** The _mta-sts TXT record: present (with its id when valid), absent, or unknown. */
  txt: { status: "present" | "absent" | "unknown"; id: string | null };
  /** MX host names by priority (the domain itself for an implicit MX). */
  mx: { status: "ok" | "unknown"; hosts: string[] };
  /**
   * The policy file: served (its body as text, from the first address), failed (the host does
   * not resolve or answered with an error), or unknown (not deployed, not reachable from here).
   */
  policy: { status: "served" | "failed" | "unknown"; body: string | null };
  certs: SeenCert[];
}

export interface CheckReport {
  domain: string;
  startedAt: string;
  finishedAt: string;
  durationMs: number;
  /** Policy mode seen during the run (null when no valid policy was fetched). */
  mode: PolicyMode | null;
  /** true when the overall deadline cut the run short. */
  deadlineHit: boolean;
  results: CheckResult[];
  summary: CheckSummary;
  /** Absent in runs stored before issue 14. */
  facts?: CheckFacts;
}

export interface CheckOptions {
  /** DNS servers such as ["127.0.0.1:5353"]; default: system resolvers. Ignored with `dns`. */
  dnsServers?: string[];
  /** A ready-made DNS client (wins over dnsServers). */
  dns?: DnsClient;
  /** PEM CA certificates to trust instead of Node's bundled WebPKI roots. */
  ca?: string[];
  /** Allow connections to private/loopback/CGNAT/link-local addresses (tests, labs). */
  allowPrivate?: boolean;
  /** DKIM selectors the admin entered (CHK-AUTH-3). */
  dkimSelectors?: string[];
  /** CHK-RPT-6 (opt-in): POST a zero-session test report to each https rua. */
  testHttpsRua?: boolean;
  /** CHK-RPT-8: this installation's rua URIs; it warns when none of them is the first. */
  ownRua?: string[];
  /** Overall deadline for the whole run; default 20000 ms. */
  deadlineMs?: number;
  /** Limit for one network step (connect, one SMTP reply, handshake); default 10000 ms. */
  stepTimeoutMs?: number;
  /** Policy fetch limits (STS-FETCH-10): warn above, fail at; default 4000 / 10000 ms. */
  policySlowMs?: number;
  policyTimeoutMs?: number;
  /** Simultaneous host probes (policy host + MX hosts); default 5. */
  maxConcurrent?: number;
  /** Ports, for environments that cannot bind 25/443; default 25 and 443. */
  smtpPort?: number;
  httpsPort?: number;
  /** EHLO name we announce; default "sts-rollout-checker.invalid". */
  ehloName?: string;
  /** Clock for expiry maths; default Date.now. */
  now?: () => number;
  /** Caller's cancel signal (the browser went away). */
  signal?: AbortSignal;
}
