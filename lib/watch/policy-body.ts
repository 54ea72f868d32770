// CHK-OPS-1 (STS-OPS-2): the served body differs from the version its DNS id names, or
// changed since the last check while the id stayed. CHK-OPS-2 (STS-OPS-5): the DNS id names
// a newer version while the host still serves an older version's body.
import { isoMinute } from "./dates";
import { policySummary, samePolicy, versionServing } from "./same-policy";
import { noDetection, type Detection, type Finding, type WatchInput } from "./types";

type Kind = "CHK-OPS-1" | "CHK-OPS-2";

/** The TXT id and served body to judge, or "skip" (unknown: keep), or null (nothing to judge). */
function served(input: WatchInput): { id: string; body: string } | "skip" | null {
  const f = input.runs[0]?.facts;
  if (!f || f.txt.status === "unknown" || f.policy.status === "unknown") return "skip";
  if (f.txt.status !== "present" || f.txt.id === null || f.policy.body === null) return null;
  return { id: f.txt.id, body: f.policy.body };
}

function judge(input: WatchInput, kind: Kind): Detection {
  const seen = served(input);
  if (seen === "skip") return noDetection(kind);
  const done = (findings: Finding[]): Detection => ({ kind, evaluated: true, findings, keep: [] });
  if (seen === null) return done([]);
  const { id, body } = seen;
  const d = input.domain;
  const txt = `_mta-sts.${d} says id=${id}`;
  const url = `https://mta-sts.${d}/.well-known/mta-sts.txt`;
  const named = input.versions.find((v) => v.policyId === id);
  if (named) {
    if (samePolicy(named.body, body)) return done([]);
    const match = versionServing(input.versions, body);
    if (match && match.seq < named.seq) {
      if (kind !== "CHK-OPS-2") return done([]);
      return done([
        {
          kind,
          subject: "policy",
          severity: "warning",
          title: "The DNS id changed but the old policy is still served",
          detail: `${txt} (saved ${isoMinute(named.createdAt)}: ${policySummary(named.body)}), but ${url} serves the body of the older version ${match.policyId} (${policySummary(body)}).`,
          fix: `Publish the policy of version ${id} at ${url} now: senders that fetched since the id changed have cached the old body under the new id (STS-OPS-5: publish the body first, then the id). Once the new body is live, change the id in the TXT record again so they fetch it.`,
        },
      ]);
    }
    // A newer version's body before its id: the right order (STS-OPS-5), a rollout under way.
    if (match || kind !== "CHK-OPS-1") return done([]);
    return done([
      {
        kind,
        subject: "policy",
        severity: "error",
        title: "The served policy differs from its version while the id is unchanged",
        detail: `${txt}; version ${id} is ${policySummary(named.body)}, but ${url} serves ${policySummary(body)}.`,
        fix: `Senders that cached id ${id} keep the old policy and never fetch this one (STS-OPS-2). Restore the file of version ${id}, or save the served policy as a new version and publish its new id in the TXT record.`,
      },
    ]);
  }
  // An id this dashboard never saved (a self-hosted policy): compare with the last check.
  const prev = input.runs[1];
  const before = prev?.facts;
  if (
    kind !== "CHK-OPS-1" ||
    !prev ||
    before?.txt.id !== id ||
    before.policy.body === null ||
    samePolicy(before.policy.body, body)
  )
    return done([]);
  return done([
    {
      kind,
      subject: "policy",
      severity: "error",
      title: "The served policy changed while the id did not",
      detail: `${txt}, as at the check of ${isoMinute(prev.at)}; ${url} served ${policySummary(before.policy.body)} then and serves ${policySummary(body)} now.`,
      fix: `Change the id in the TXT record at _mta-sts.${d} (e.g. to a new UTC timestamp): senders that cached id ${id} keep the old policy until they fetch again (STS-OPS-2).`,
    },
  ]);
}

export const detectBodyChanged = (input: WatchInput): Detection => judge(input, "CHK-OPS-1");
export const detectIdBeforeBody = (input: WatchInput): Detection => judge(input, "CHK-OPS-2");
