// CHK-OPS-3: an MX record the current policy does not cover (STS-MX-4). Under enforce,
// senders that honour MTA-STS refuse to deliver to it; under testing they report it.
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
      const isNew =
        prev && prev.facts.mx.status === "ok" && !prev.facts.mx.hosts.includes(host)
          ? ` ${host} is new since the check of ${isoMinute(prev.at)}.`
          : "";
      return {
        kind: KIND,
        subject: host,
        severity: "error" as const,
        title: `MX host ${host} is not covered by the policy`,
        detail: `MX hosts of ${input.domain}: ${hosts.join(", ")}; the ${policy.mode} policy (id ${policy.id}) lists mx: ${policy.mx.join(", ") || "(none)"}.${isNew}`,
        fix: `Add "mx: ${host}" (or a wildcard that covers it) to the policy, save it and publish the new id, before mail moves to ${host}; or correct the MX record. Under enforce, senders that honour MTA-STS refuse to deliver to a host the policy does not list.`,
      };
    });
  return { kind: KIND, evaluated: true, findings, keep: [] };
}
