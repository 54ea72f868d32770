// CHK-MX-1 (every MX matches a pattern), CHK-MX-2 (stale patterns), CHK-MX-9 (null MX + policy).
import { findMatchingPattern, mxPatternMatches } from "../mta-sts/mx-pattern";
import type { PolicyFacts } from "./check-policy-content";
import type { MxFacts } from "./check-mx-records";
import { applyMode } from "./check-mx-host";
import { result } from "./result";
import type { CheckResult } from "./types";

export function checkCoverage(domain: string, mx: MxFacts, policy: PolicyFacts): CheckResult[] {
  const out: CheckResult[] = [];
  if (mx.nullMx && policy.mode !== null && policy.mode !== "none") {
    out.push(
      result(
        "CHK-MX-9",
        "warning",
        "Null MX together with an MTA-STS policy",
        `${domain}: MX 0 . and a policy in ${policy.mode} mode`,
        `A domain that accepts no mail needs no MTA-STS: remove the policy (switch to mode: none first, STS-OPS-9).`,
      ),
    );
  }
  // Coverage only means something when there are patterns to match and senders apply them.
  if (policy.mx.length === 0 || policy.mode === "none") return out;
  const patterns = `policy mx: ${policy.mx.join(", ")}`;
  for (const host of mx.hosts) {
    const match = findMatchingPattern(policy.mx, host);
    out.push(
      match
        ? result(
            "CHK-MX-1",
            "ok",
            "MX host covered by the policy",
            `${host} matches "${match}"`,
            "",
            host,
          )
        : result(
            "CHK-MX-1",
            "error",
            "MX host not covered by the policy",
            `${host} matches none of: ${patterns}`,
            `Add "mx: ${host}" to the policy (then change the TXT id): in enforce mode senders refuse to deliver to hosts not listed.`,
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
          "Policy pattern matches no current MX",
          `"${pattern}" matches none of the MX hosts: ${mx.hosts.join(", ") || "(none)"}`,
          `Remove "mx: ${pattern}" if that server is retired (keep it while a move is in progress).`,
          pattern,
        ),
      );
    }
  }
  return applyMode(out, policy.mode);
}
