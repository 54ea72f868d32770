// Thresholds from spec §15 (READY) and §5 (STS-OPS-8/10).

/** READY-3: Google recommends two weeks of testing. */
export const TESTING_DAYS = 14;
/** READY-5: the last week must be clean. */
export const CLEAN_DAYS = 7;
/** READY-5: TLS failure rate below 0.1% of sessions [OURS]. */
export const MAX_TLS_FAILURE_RATE = 0.001;
/** READY-7: max_age of at most one week keeps a rollback short. */
export const ROLLBACK_MAX_AGE = 604800;
/** How far back the readiness queries read reports. */
export const LOOKBACK_DAYS = 60;
/** Reports for a day arrive the next day, after up to a few hours (RPT-JSON-3). */
export const MAX_REPORT_LAG_DAYS = 2;

/** READY-5: policy fetch problems; none allowed in the last 7 days. */
export const STS_TYPES = ["sts-policy-fetch-error", "sts-webpki-invalid", "sts-policy-invalid"];
/** READY-5: MX TLS failures, counted against the 0.1% rate. */
export const TLS_TYPES = [
  "starttls-not-supported",
  "certificate-host-mismatch",
  "certificate-expired",
  "certificate-not-trusted",
  "validation-failure",
];
/** READY-4 [OURS]: a large reporter shows that big senders fetch the policy. */
export const LARGE_REPORTER = /google|microsoft|outlook|hotmail/i;
/** READY-4 + RPT-DELIV-7: the large providers' signing domains (organisational domains):
 * Google signs its reports d=google.com, Microsoft d=microsoft.com. */
export const LARGE_DOMAINS = ["google.com", "microsoft.com", "outlook.com", "hotmail.com"];
