// CHK-OPS-3: an MX record the current policy does not cover (STS-MX-4). Under enforce,
// senders that honour MTA-STS refuse to deliver to it; under testing they report it.
import { ct } from "../checker/text";
import { findingTexts } from "./finding-text";
import { findMatchingPattern } from "../mta-sts/mx-pattern";
import { parsePolicy } from "../mta-sts/policy";
import { isoMinute } from "./dates";
import { noDetection, type Detection, type WatchInput } from "./types";

const KIND = "CHK-OPS-3" as const;

/** The policy to judge against: the current version, or the served one without versions. */
function currentPolicy(input: WatchInput): { mode: string; mx: string[]; id: string } | null {
  const v = input.versions[0];
  if (v) return { mode: v.mode, mx: v.mx, id: v.policyId };
  const f = input.runs[0]?.facts;
  if (f?.policy.body == null) return null;
  const p = parsePolicy(f.policy.body);
  return p.mode ? { mode: p.mode, mx: p.mx, id: f.txt.id ?? "?" } : null;
}

export function detectUncoveredMx(input: WatchInput): Detection {
  const latest = input.runs[0];
  if (!latest || latest.facts.mx.status !== "ok") return noDetection(KIND);
  const policy = currentPolicy(input);
  if (!policy || policy.mode === "none")
    return { kind: KIND, evaluated: true, findings: [], keep: [] };
  const hosts = latest.facts.mx.hosts;
  const prev = input.runs[1];
  const findings = hosts
    .filter((host) => findMatchingPattern(policy.mx, host) === null)
    .map((host) => {
      const isNew = prev && prev.facts.mx.status === "ok" && !prev.facts.mx.hosts.includes(host);
      return {
        kind: KIND,
        subject: host,
        severity: "error" as const,
        ...findingTexts(
          ct("ops.uncovered", { host }),
          ct("ops.uncoveredDetail", {
            domain: input.domain,
            hosts: hosts.join(", "),
            mode: policy.mode,
            id: policy.id,
            mx: policy.mx.join(", "),
            noMx: policy.mx.length === 0 ? "yes" : "no",
            isNew: isNew ? "yes" : "no",
            host,
            since: prev ? isoMinute(prev.at) : "",
          }),
          ct("ops.uncoveredFix", { host }),
        ),
      };
    });
  return { kind: KIND, evaluated: true, findings, keep: [] };
}
