// CHK-OPS-4 (STS-OPS-4, STS-OPS-9): the _mta-sts TXT record or the policy host is gone while
// a testing/enforce policy may still sit in senders' caches: they keep applying it until its
// max_age runs out, and cannot refresh it.
import { parsePolicy } from "../mta-sts/policy";
import { isoMinute } from "./dates";
import type { Detection, Finding, WatchInput } from "./types";

const KIND = "CHK-OPS-4" as const;

interface Cached {
  until: Date;
  mode: string;
  maxAge: number;
}

/**
 * The latest moment a sender may still hold a testing/enforce policy: each policy seen served
 * (check runs) or saved (versions, served until the next one), plus its max_age.
 */
export function cachedUntil(input: WatchInput): Cached | null {
  let best: Cached | null = null;
  const consider = (lastServed: Date, mode: string | null, maxAge: number | null) => {
    if (mode === null || mode === "none" || maxAge === null) return;
    const until = new Date(lastServed.getTime() + maxAge * 1000);
    if (!best || until > best.until) best = { until, mode, maxAge };
  };
  for (const r of input.runs) {
    if (r.facts.policy.body === null) continue;
    const p = parsePolicy(r.facts.policy.body);
    consider(r.at, p.mode, p.maxAge);
  }
  input.versions.forEach((v, i) => {
    const next = input.versions[i - 1];
    consider(next ? next.createdAt : input.now, v.mode, v.maxAge);
  });
  return best;
}

export function detectStsGone(input: WatchInput): Detection {
  const latest = input.runs[0];
  const d = input.domain;
  const txtName = `_mta-sts.${d}`;
  const host = `mta-sts.${d}`;
  if (!latest) return { kind: KIND, evaluated: false, findings: [], keep: [] };
  const keep: string[] = [];
  const findings: Finding[] = [];
  const earlier = input.runs.slice(1);
  const cached = cachedUntil(input);
  const stillCached = cached !== null && cached.until > input.now;
  const cacheText = cached
    ? `Senders may keep the ${cached.mode} policy (max_age ${cached.maxAge}) until ${isoMinute(cached.until)}`
    : "";
  const { txt, policy } = latest.facts;
  if (txt.status === "unknown") keep.push(txtName);
  const seenTxt = earlier.find((r) => r.facts.txt.status === "present");
  if (txt.status === "absent" && seenTxt && stillCached) {
    findings.push({
      kind: KIND,
      subject: txtName,
      severity: "error",
      title: "The MTA-STS TXT record is gone while senders may still cache the policy",
      detail: `${txtName} has no MTA-STS record; the check of ${isoMinute(seenTxt.at)} found id=${seenTxt.facts.txt.id ?? "?"}. ${cacheText}.`,
      fix: `Restore the TXT record. Deleting it does not cancel cached policies (STS-OPS-4): senders keep applying them and cannot learn of changes. To remove MTA-STS, publish mode: none with a new id first and delete the record only after the cached policies expire (STS-OPS-9).`,
    });
  }
  if (policy.status === "unknown") keep.push(host);
  const seenPolicy = earlier.find((r) => r.facts.policy.status === "served");
  if (policy.status === "failed" && seenPolicy && stillCached) {
    const why = latest.results.find(
      (r) => r.target === host && r.severity === "error" && r.id.startsWith("CHK-HOST-"),
    );
    findings.push({
      kind: KIND,
      subject: host,
      severity: "error",
      title: "The policy host is gone while senders may still cache the policy",
      detail: `${why ? `${why.id} ${why.title}: ${why.evidence}` : `${host} did not serve the policy`}; the check of ${isoMinute(seenPolicy.at)} fetched it. ${cacheText}.`,
      fix: `Bring https://${host}/.well-known/mta-sts.txt back (DNS, certificate, the file). Senders holding the cached policy keep applying it but cannot refresh it; to remove MTA-STS, serve mode: none with a new id first and wait for the cached policies to expire (STS-OPS-9).`,
    });
  }
  return { kind: KIND, evaluated: true, findings, keep };
}
