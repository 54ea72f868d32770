// The normalized TLS-RPT report (RFC 8460) that ingestion stores. Spec: §10 (RPT-JSON),
// §11 (RPT-QUIRK), §13 (RPT-ING-4/5). Every quirk the reader tolerated is listed in
// `warnings` with its requirement id, so the dashboard can tell the admin what was odd.
import type { Diagnostic } from "../core/diagnostic";
import type { NestedMessageRef } from "../i18n/message-ref";
import type { InputLimits } from "./budget";

/** Policy types from RFC 8460 §4.3; anything else is kept verbatim (RPT-JSON-10). */
export type PolicyType = "sts" | "tlsa" | "no-policy-found" | (string & {});

/**
 * Plain-language groups for result types, from the spec's §10.3 table ("Dashboard bucket").
 * `validation-failure` is the catch-all; we file it under "MX TLS". Unknown types → "other".
 */
export type FailureBucket =
  "MX TLS" | "MX certificate" | "DANE" | "Policy host" | "Policy content" | "other";

export interface FailureDetail {
  /** Verbatim from the report, even when unknown (RPT-JSON-10). */
  resultType: string;
  bucket: FailureBucket;
  /** RFC 5952 / dotted-quad canonical form; null when absent or not an IP (RPT-JSON-8). */
  sendingMtaIp: string | null;
  /** Lowercase, no trailing dot; null when absent (Microsoft fetch errors, RPT-QUIRK-4). */
  receivingMxHostname: string | null;
  receivingMxHelo: string | null;
  receivingIp: string | null;
  failedSessionCount: number;
  /** Opaque string, kept verbatim; never render it as a link without escaping (RPT-ING-2). */
  additionalInformation: string | null;
  failureReasonCode: string | null;
}

/** What the reporter saw in an `sts` policy: `readStsLines(policy.policyStrings)` (RPT-JSON-5).
 * Derived on demand rather than stored, so the reader stays cheap (bench/parse.ts). */
export interface StsPolicySeen {
  mode: string | null;
  maxAge: number | null;
  mx: string[];
}

export interface NormalizedPolicy {
  policyType: PolicyType;
  /** Lowercase A-label without trailing dot. From the JSON, else the TLS-Report-Domain
   * header or the filename (RPT-QUIRK-8); null when none of those exist. */
  policyDomain: string | null;
  /** One element per policy line or TLSA RR; RPT-QUIRK-5 JSON-in-a-string unwrapped. */
  policyStrings: string[];
  /** MX patterns; a bare string is wrapped (RPT-QUIRK-1), `[]` when absent (RPT-QUIRK-9). */
  mxHosts: string[];
  totalSuccessfulSessionCount: number;
  totalFailureSessionCount: number;
  /** `[]` when absent. Counts need not add up to the summary (RPT-JSON-6). */
  failureDetails: FailureDetail[];
}

export interface NormalizedReport {
  organizationName: string;
  /** null when the reporter sent `null` or left it out (RPT-QUIRK-7). */
  contactInfo: string | null;
  /** Reporting domain: TLS-Report-Submitter header, else the domain of contact-info, else
   * the filename's sender part (RPT-ING-4). Half of the dedupe key (RPT-ING-5). */
  submitterDomain: string | null;
  /** From the JSON; when missing, `synthetic-<hash prefix>` (RPT-ING-4). */
  reportId: string;
  reportIdSynthesized: boolean;
  startDatetime: Date;
  endDatetime: Date;
  /** YYYY-MM-DD (UTC) of startDatetime: the day the report is filed under (RPT-QUIRK-3). */
  reportDay: string;
  policies: NormalizedPolicy[];
  /**
   * What the content hash is computed from, captured while reading; the hash itself is
   * computed on demand by `computeContentHash(report)` (lib/tlsrpt/content-hash.ts), so the
   * reader's hot path stays near the gunzip + JSON.parse floor (bench/parse.ts).
   */
  hashBasis: HashBasis;
  warnings: Diagnostic[];
}

/** The parts of the content hash that delivery metadata may later change (RPT-ING-5). */
export interface HashBasis {
  /** organization-name as in the JSON ("" when missing, before the submitter fallback). */
  organizationName: string;
  /** Policies whose policy-domain came from a header or filename (hashed as null). */
  hintedPolicies: number[] | null;
  /** The JSON text had no backslash: every string can be quoted as is. */
  plain: boolean;
  /** Set once computed (a synthesised report-id needs it while reading). */
  hash: string | null;
}

/** Delivery metadata that helps fill gaps; the JSON wins when both exist (RPT-ING-7). */
export interface ReadHints {
  contentType?: string;
  filename?: string;
  /** TLS-Report-Domain header (RPT-DELIV-5); fallback for a missing policy-domain. */
  headerDomain?: string;
  /** TLS-Report-Submitter header (RPT-DELIV-5). */
  submitter?: string;
  /** Compressed (or raw JSON) input cap in bytes; default 10 MiB (RPT-ING-1). */
  maxCompressed?: number;
  /** Decompressed JSON cap in bytes over the whole input; default 20 MiB (RPT-ING-1). */
  maxDecompressed?: number;
  /** Per-input budgets (lib/tlsrpt/budget.ts); defaults are INPUT_LIMITS (issue 11). */
  limits?: Partial<InputLimits>;
}

export type ReportErrorCode =
  /** Input above maxCompressed (or an email above the message cap), or past a per-input
   * budget: attachments, reports, JSON bytes over all parts (budget.ts). HTTP 413. */
  | "too-large"
  /** gzip expanded past maxDecompressed (over all members and parts); stopped at the cap. HTTP 413. */
  | "decompression-bomb"
  /** Starts with the gzip magic but is not a complete gzip stream. */
  | "not-gzip"
  /** Neither JSON, gzip nor an email message. HTTP 415. */
  | "unsupported-format"
  /** Not UTF-8 (RPT-JSON-1). */
  | "bad-encoding"
  | "bad-json"
  /** Valid JSON but not a TLS report (no policies / date-range / organization-name). */
  | "not-a-report"
  /** A TLS report with a field we must refuse; `field` names the JSON path. */
  | "invalid-field"
  /** An email message with no report in it: the ingester leaves it alone. */
  | "no-report"
  /** The email could not be parsed as MIME. */
  | "bad-email";

export interface ReportError {
  code: ReportErrorCode;
  /** JSON path such as `policies[0].summary.total-failure-session-count`. */
  field?: string;
  /** For emails: the attachment the error came from. */
  attachment?: string;
  /** For the log and for the admin: names the field and the problem. */
  message: string;
  /** `message` as a `tlsrptReader` message (refusal-text.ts), for the admin's language. */
  ref: NestedMessageRef;
}

export interface EmailMeta {
  messageId: string | null;
  /** TLS-Report-Domain header, lowercased. */
  reportDomain: string | null;
  /** TLS-Report-Submitter header, lowercased. */
  reportSubmitter: string | null;
  subject: string | null;
}

export interface RejectedAttachment {
  filename: string | null;
  error: ReportError;
}

export interface ReadOutcome {
  reports: NormalizedReport[];
  source: "json" | "gzip" | "eml";
  /** Present when source is "eml". */
  email?: EmailMeta;
  /** Report attachments of an email that were refused while others were read. */
  rejected: RejectedAttachment[];
}
