// CHK-OPS-5 on the timeline: once the served policy is mode none, the date from which the
// TXT record and the policy host can go (STS-OPS-9: the last non-none policy served plus the
// largest max_age any of them had). A timeline entry, not an alert.
import { removalStatus, type ServedPolicy } from "../mta-sts/removal";
import type { StsMode } from "../mta-sts/policy-types";
import { isoMinute } from "../watch/dates";
import type { TimelineEntry } from "./types";

interface Version {
  policyId: string;
  mode: StsMode;
  maxAge: number;
  createdAt: Date;
}

/** `versions` newest first; null unless the current version is mode none. */
export function removalEntry(versions: readonly Version[], now: Date): TimelineEntry | null {
  const current = versions[0];
  if (!current || current.mode !== "none") return null;
  const history: ServedPolicy[] = versions.map((v, i) => ({
    id: v.policyId,
    mode: v.mode,
    maxAge: v.maxAge,
    firstServed: v.createdAt,
    lastServed: versions[i - 1]?.createdAt ?? now,
  }));
  const status = removalStatus(history, now);
  if (status.kind === "publish-none-first") return null;
  const when = status.safeAfter;
  return {
    key: `removal:${current.policyId}`,
    at: current.createdAt.toISOString(),
    kind: "removal",
    ref: "CHK-OPS-5",
    severity: "info",
    title:
      when === null
        ? "Safe to remove MTA-STS now"
        : `Safe to remove MTA-STS from ${isoMinute(when)}`,
    detail:
      when === null
        ? "No testing or enforce policy was ever served: the TXT record and the policy host can go."
        : `The last testing/enforce policy was served until ${isoMinute(current.createdAt)}; the largest max_age any of them had runs out at ${isoMinute(when)}. Delete the _mta-sts TXT record and the policy host only after that (STS-OPS-9)${status.kind === "safe" ? ": that time has passed." : "."}`,
    text:
      when === null
        ? { title: { key: "removeNow" }, detail: { key: "removeNowDetail" } }
        : {
            title: { key: "removeFrom", params: { when: isoMinute(when) } },
            detail: {
              key: "removeFromDetail",
              params: {
                until: isoMinute(current.createdAt),
                when: isoMinute(when),
                passed: status.kind === "safe" ? "yes" : "no",
              },
            },
          },
  };
}
