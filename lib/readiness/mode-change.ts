import { removalStatus, type ServedPolicy } from "@/lib/mta-sts/removal";
import type { StsMode } from "@/lib/mta-sts/policy-types";

// The three mode switches of the Enforce tab (STS-OPS-8 forward, rollback, STS-OPS-9
// removal) and the removal timeline.

export type ModeAction = "enforce" | "rollback" | "removal";

export const TARGET_MODE: Record<ModeAction, StsMode> = {
  enforce: "enforce",
  rollback: "testing",
  removal: "none",
};

/** Why the action cannot be taken from the current mode, or null when it can. */
export function actionRefusal(action: ModeAction, currentMode: string | null): string | null {
  if (currentMode === null) return "Publish a policy in testing mode first (2·Policy).";
  if (action === "enforce" && currentMode !== "testing")
    return `Enforce follows testing (STS-OPS-8); the policy is in ${currentMode} mode.`;
  if (action === "rollback" && currentMode === "testing")
    return "The policy is already in testing mode.";
  if (action === "removal" && currentMode === "none") return "mode: none is already being served.";
  return null;
}

export interface VersionLike {
  policyId: string;
  mode: string;
  maxAge: number;
  createdAt: Date;
}

/** Each version was served from its creation until the next one replaced it (or now). */
export function servedHistory(newestFirst: readonly VersionLike[], now: Date): ServedPolicy[] {
  return newestFirst.map((v, i) => {
    const next = newestFirst[i - 1];
    return {
      id: v.policyId,
      mode: v.mode === "enforce" || v.mode === "testing" ? v.mode : "none",
      maxAge: v.maxAge,
      firstServed: v.createdAt,
      lastServed: next ? next.createdAt : now,
    };
  });
}

export interface RemovalStage {
  title: string;
  /** ISO time the stage became or becomes safe; null when it waits on the stage before. */
  safeFrom: string | null;
  done: boolean;
  detail: string;
}

/** STS-OPS-9: serve mode none, wait the longest max_age ever served, then remove the records. */
export function removalStages(newestFirst: readonly VersionLike[], now: Date): RemovalStage[] {
  const current = newestFirst[0];
  // Issue 16: a domain that never served a policy has nothing to remove, nothing "safe from".
  if (current === undefined) return [];
  const status = removalStatus(servedHistory(newestFirst, now), now);
  const longest = Math.max(0, ...newestFirst.filter((v) => v.mode !== "none").map((v) => v.maxAge));
  const servingNone = current?.mode === "none";
  const safeAfter = status.kind === "publish-none-first" ? null : status.safeAfter;
  return [
    {
      title: "1. Serve mode: none with a new id",
      safeFrom: now.toISOString(),
      done: servingNone,
      detail: servingNone
        ? `Served since ${current?.createdAt.toISOString().slice(0, 16)}Z (policy ${current?.policyId}). Publish its id in the _mta-sts TXT record.`
        : "Publishing mode: none (max_age 86400) tells senders to drop the policy at their next refresh.",
    },
    {
      title: `2. Keep it for the longest max_age ever served (${longest} s)`,
      safeFrom: safeAfter ? safeAfter.toISOString() : null,
      done: status.kind === "safe",
      detail:
        status.kind === "wait"
          ? `Senders may still hold a testing/enforce policy until ${status.safeAfter.toISOString().slice(0, 16)}Z.`
          : status.kind === "safe"
            ? "No sender can still hold a testing/enforce policy."
            : "Starts once mode: none is served.",
    },
    {
      title: "3. Remove the _mta-sts TXT record, then the policy host",
      safeFrom: safeAfter ? safeAfter.toISOString() : null,
      done: false,
      detail:
        "Deleting the TXT record earlier does not cancel cached policies (STS-OPS-4); keep the MX hosts working until then.",
    },
  ];
}
