// RPT-JSON-5: the `sts` policy-string holds the policy lines the reporter applied. Read
// them leniently (the reporter may echo a broken policy) to show the mode, max_age and mx
// patterns it saw. Strict policy validation lives in lib/mta-sts, not here.
import type { StsPolicySeen } from "./types";

export function readStsLines(lines: readonly string[]): StsPolicySeen {
  const seen: StsPolicySeen = { mode: null, maxAge: null, mx: [] };
  for (const line of lines) {
    const colon = line.indexOf(":");
    if (colon < 0) continue;
    const key = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    // STS-POL: the first occurrence of a key wins (RFC 8461 §3.2).
    if (key === "mode") seen.mode ??= value;
    else if (key === "max_age") seen.maxAge ??= /^\d{1,10}$/.test(value) ? Number(value) : null;
    else if (key === "mx" && value !== "") seen.mx.push(value.toLowerCase());
  }
  return seen;
}
