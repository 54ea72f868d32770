// The alert kinds (issue 14 §3; contract in the issue-14 helpers' notes). Each id is a string
// stored with the alert; the CHK-OPS ids are spec §14.6 checks, WATCH-* are the watcher's
// own findings, TEST is the "Send a test alert" button.
export const ALERT_KINDS = [
  "CHK-OPS-1",
  "CHK-OPS-2",
  "CHK-OPS-3",
  "CHK-OPS-4",
  "WATCH-CERT",
  "WATCH-SILENCE",
  "WATCH-FAILURES",
  "TEST",
] as const;

export type AlertKind = (typeof ALERT_KINDS)[number];

export type AlertSeverity = "error" | "warning" | "info";

export interface AlertKindInfo {
  label: string;
  severity: AlertSeverity;
}

/** What the settings page and the messages call each kind. */
export const ALERT_KIND_INFO: Record<AlertKind, AlertKindInfo> = {
  // STS-OPS-2: the served body changed while the id stayed the same.
  "CHK-OPS-1": { label: "Policy edited without a new id", severity: "error" },
  // STS-OPS-5: the DNS id does not match the served version.
  "CHK-OPS-2": { label: "DNS id does not match the served policy", severity: "warning" },
  "CHK-OPS-3": { label: "MX host not covered by the policy", severity: "error" },
  // STS-OPS-9: the TXT record or the policy host gone while a policy may be cached.
  "CHK-OPS-4": { label: "TXT record or policy host gone", severity: "error" },
  "WATCH-CERT": { label: "Certificate expires soon", severity: "warning" },
  "WATCH-SILENCE": { label: "Reports stopped arriving", severity: "warning" },
  "WATCH-FAILURES": { label: "New failures in reports", severity: "error" },
  TEST: { label: "Test alert", severity: "info" },
};

export function isAlertKind(v: string): v is AlertKind {
  return (ALERT_KINDS as readonly string[]).includes(v);
}
