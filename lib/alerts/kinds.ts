// Stub (owned by the alerts helper): the alert kinds of issue 14, per the contract.
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
