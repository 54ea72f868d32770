// Shared policy types and limits (RFC 8461 §3.2).

export type StsMode = "enforce" | "testing" | "none";
export const STS_MODES: readonly StsMode[] = ["enforce", "testing", "none"];

/** STS-POL-8: one year of 365.25 days. */
export const MAX_AGE_LIMIT = 31557600;

/** A policy a compliant sender accepts. */
export interface StsPolicy {
  version: "STSv1";
  mode: StsMode;
  maxAge: number;
  mx: string[];
  extensions: [string, string][];
}
