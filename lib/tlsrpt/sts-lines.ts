// RPT-JSON-5: the `sts` policy-string holds the policy lines the reporter applied. Read
// them leniently (the reporter may echo a broken policy) to show the mode, max_age and mx
// patterns it saw. Strict policy validation lives in lib/mta-sts, not here.
import type { StsPolicySeen } from "./types";

export function readStsLines(lines: readonly string[]): StsPolicySeen {
  const seen: StsPolicySeen = { mode: null, maxAge: null, mx: [] };
  for (const line of lines) {
    // Only mode, mx and max_age matter here, and all three start with "m": skip the rest
    // without slicing (this runs for every sts policy of every report).
    if ((line.charCodeAt(0) | 0x20) !== 0x6d) continue;
    const colon = line.indexOf(":");
    if (colon < 0) continue;
    const key = line.slice(0, colon).trimEnd().toLowerCase();
    const value = line.slice(colon + 1).trim();
    // STS-POL: the first occurrence of a key wins (RFC 8461 §3.2).
    if (key === "mx") {
      if (value !== "") seen.mx.push(value.toLowerCase());
    } else if (key === "mode") seen.mode ??= value;
    else if (key === "max_age") seen.maxAge ??= /^\d{1,10}$/.test(value) ? Number(value) : null;
  }
  return seen;
}
