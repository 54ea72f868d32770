// CHK-OPS-4 (STS-OPS-4, STS-OPS-9): the _mta-sts TXT record or the policy host is gone while
// a testing/enforce policy may still sit in senders' caches: they keep applying it until its
// max_age runs out, and cannot refresh it.
import { ct } from "../checker/text";
import { findingTexts } from "./finding-text";
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
  const cache = cached
    ? { mode: cached.mode, maxAge: String(cached.maxAge), until: isoMinute(cached.until) }
    : { mode: "", maxAge: "", until: "" };
  const { txt, policy } = latest.facts;
  if (txt.status === "unknown") keep.push(txtName);
  const seenTxt = earlier.find((r) => r.facts.txt.status === "present");
  if (txt.status === "absent" && seenTxt && stillCached) {
    findings.push({
      kind: KIND,
      subject: txtName,
      severity: "error",
      ...findingTexts(
        ct("ops.txtGone"),
        ct("ops.txtGoneDetail", {
          name: txtName,
          at: isoMinute(seenTxt.at),
          id: seenTxt.facts.txt.id ?? "?",
          ...cache,
        }),
        ct("ops.txtGoneFix"),
      ),
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
      // The failing check's own title and evidence are quoted as they were stored (English).
      ...findingTexts(
        ct("ops.hostGone"),
        why
          ? ct("ops.hostGoneDetail", {
              why: `${why.id} ${why.title}: ${why.evidence}`,
              at: isoMinute(seenPolicy.at),
              ...cache,
            })
          : ct("ops.hostGoneDetailNoWhy", { host, at: isoMinute(seenPolicy.at), ...cache }),
        ct("ops.hostGoneFix", { host }),
      ),
    });
  }
  return { kind: KIND, evaluated: true, findings, keep };
}
