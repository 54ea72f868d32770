// CheckReport.facts (issue 14): what a run observed, as data, for change tracking between
// runs (§14.6 CHK-OPS-*) and certificate expiry. "unknown" whenever the checker could not
// find out: a lookup error, the deadline, an address it cannot reach. Never "gone" then.
import type { MxFacts } from "./check-mx-records";
import type { PolicyFacts } from "./check-policy-content";
import type { StsTxtFacts } from "./check-sts-txt";
import type { CheckFacts, CheckResult, SeenCert } from "./types";

export interface SeenByProbes {
  txt: StsTxtFacts | null;
  mx: MxFacts | null;
  policy: PolicyFacts | null;
}

const severityOf = (results: readonly CheckResult[], id: string, target?: string) =>
  results.find((r) => r.id === id && (target === undefined || r.target === target))?.severity;

export function buildFacts(
  domain: string,
  seen: SeenByProbes,
  results: readonly CheckResult[],
  certs: readonly SeenCert[],
): CheckFacts {
  const txtSeverity = severityOf(results, "CHK-TXT-1");
  const txt: CheckFacts["txt"] = seen.txt?.deployed
    ? { status: "present", id: seen.txt.id }
    : { status: seen.txt && txtSeverity === "info" ? "absent" : "unknown", id: null };

  const dnsSeverity = severityOf(results, "CHK-DNS-1");
  const mxKnown = seen.mx !== null && dnsSeverity !== undefined && dnsSeverity !== "untested";
  const mx: CheckFacts["mx"] = mxKnown
    ? { status: "ok", hosts: [...(seen.mx?.hosts ?? [])] }
    : { status: "unknown", hosts: [] };

  const host = `mta-sts.${domain}`;
  let policy: CheckFacts["policy"];
  if (seen.policy?.body !== undefined) policy = { status: "served", body: seen.policy.body };
  else {
    // The host does not resolve, or an address answered with an error (refused, bad TLS,
    // a non-200 status): senders cannot fetch the policy either.
    const failed = results.some(
      (r) =>
        r.target === host &&
        r.severity === "error" &&
        ["CHK-HOST-1", "CHK-HOST-2", "CHK-HOST-4"].includes(r.id),
    );
    policy = { status: seen.policy && failed ? "failed" : "unknown", body: null };
  }
  return { txt, mx, policy, certs: [...certs] };
}
