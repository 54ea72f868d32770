// What GET /api/domains/[name]/stats answers: plain JSON, shared by the API, the page's
// first paint and the client charts.

export interface DailySessions {
  day: string;
  successful: number;
  failed: number;
}

export interface MxDay {
  day: string;
  total: number;
  /** Failed sessions per result type on that day and MX. */
  byType: Record<string, number>;
}

export interface MxFailures {
  /** "" when the reports did not name the receiving MX. */
  mxHost: string;
  total: number;
  byType: Record<string, number>;
  days: MxDay[];
}

export interface ReporterRow {
  reporterKey: string;
  organization: string;
  daysReported: number;
  successful: number;
  failed: number;
  /** failed / (successful + failed), 0 when there were no sessions. */
  failureRate: number;
}

export interface PolicyMarker {
  seq: number;
  day: string;
  createdAt: string;
  mode: string;
  maxAge: number;
  policyId: string;
  reason: string;
}

export interface DomainStats {
  domain: string;
  from: string;
  to: string;
  /** The MX filter, or null for all MX hosts. */
  mx: string | null;
  daily: DailySessions[];
  totals: { successful: number; failed: number };
  /** Every MX host with failures in the range (for the filter), unfiltered. */
  mxHosts: string[];
  resultTypes: string[];
  mxFailures: MxFailures[];
  reporters: ReporterRow[];
  markers: PolicyMarker[];
}

export interface FailureDetailRow {
  id: number;
  day: string;
  resultType: string;
  reporter: string;
  sendingMtaIp: string | null;
  receivingMxHostname: string | null;
  receivingMxHelo: string | null;
  receivingIp: string | null;
  failedSessionCount: number;
  failureReasonCode: string | null;
  additionalInformation: string | null;
}

export interface FailureDetails {
  day: string;
  mx: string;
  resultType: string | null;
  rows: FailureDetailRow[];
  /** Sum of failedSessionCount over all matching rows (also those beyond the limit). */
  sessions: number;
  truncated: boolean;
}
