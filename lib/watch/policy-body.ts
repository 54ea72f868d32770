// CHK-OPS-1 (STS-OPS-2): the served body differs from the version its DNS id names, or
// changed since the last check while the id stayed. CHK-OPS-2 (STS-OPS-5): the DNS id names
// a newer version while the host still serves an older version's body.
import { ct } from "../checker/text";
import { findingTexts } from "./finding-text";
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
          ...findingTexts(
            ct("ops.idBeforeBody"),
            ct("ops.idBeforeBodyDetail", {
              name: `_mta-sts.${d}`,
              txtId: id,
              saved: isoMinute(named.createdAt),
              named: policySummary(named.body),
              url,
              older: match.policyId,
              served: policySummary(body),
            }),
            ct("ops.idBeforeBodyFix", { id, url }),
          ),
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
        ...findingTexts(
          ct("ops.bodyDiffers"),
          ct("ops.bodyDiffersDetail", {
            name: `_mta-sts.${d}`,
            txtId: id,
            id,
            named: policySummary(named.body),
            url,
            served: policySummary(body),
          }),
          ct("ops.bodyDiffersFix", { id }),
        ),
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
      ...findingTexts(
        ct("ops.bodyChanged"),
        ct("ops.bodyChangedDetail", {
          name: `_mta-sts.${d}`,
          txtId: id,
          at: isoMinute(prev.at),
          url,
          before: policySummary(before.policy.body),
          served: policySummary(body),
        }),
        ct("ops.bodyChangedFix", { domain: d, id }),
      ),
    },
  ]);
}

export const detectBodyChanged = (input: WatchInput): Detection => judge(input, "CHK-OPS-1");
export const detectIdBeforeBody = (input: WatchInput): Detection => judge(input, "CHK-OPS-2");
