// CHK-MX-1 (every MX matches a pattern), CHK-MX-2 (stale patterns), CHK-MX-9 (null MX + policy).
import { findMatchingPattern, mxPatternMatches } from "../mta-sts/mx-pattern";
import type { PolicyFacts } from "./check-policy-content";
import type { MxFacts } from "./check-mx-records";
import { applyMode } from "./check-mx-host";
import { result } from "./result";
import { ct } from "./text";
import type { CheckResult } from "./types";

export function checkCoverage(domain: string, mx: MxFacts, policy: PolicyFacts): CheckResult[] {
  const out: CheckResult[] = [];
  if (mx.nullMx && policy.mode !== null && policy.mode !== "none") {
    out.push(
      result(
        "CHK-MX-9",
        "warning",
        ct("coverage.nullMx"),
        ct("coverage.nullMxEvidence", { domain, mode: policy.mode }),
        ct("coverage.nullMxFix"),
      ),
    );
  }
  // Coverage only means something when there are patterns to match and senders apply them.
  if (policy.mx.length === 0 || policy.mode === "none") return out;
  const patterns = policy.mx.join(", ");
  for (const host of mx.hosts) {
    const match = findMatchingPattern(policy.mx, host);
    out.push(
      match
        ? result(
            "CHK-MX-1",
            "ok",
            ct("coverage.covered"),
            ct("coverage.coveredEvidence", { host, pattern: match }),
            "",
            host,
          )
        : result(
            "CHK-MX-1",
            "error",
            ct("coverage.notCovered"),
            ct("coverage.notCoveredEvidence", { host, patterns }),
            ct("coverage.notCoveredFix", { host }),
            host,
          ),
    );
  }
  for (const pattern of policy.mx) {
    if (!mx.hosts.some((host) => mxPatternMatches(pattern, host))) {
      out.push(
        result(
          "CHK-MX-2",
          "info",
          ct("coverage.stale"),
          mx.hosts.length > 0
            ? ct("coverage.staleEvidence", { pattern, hosts: mx.hosts.join(", ") })
            : ct("coverage.staleEvidenceNone", { pattern }),
          ct("coverage.staleFix", { pattern }),
          pattern,
        ),
      );
    }
  }
  return applyMode(out, policy.mode);
}
