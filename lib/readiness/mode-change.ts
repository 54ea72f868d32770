import { removalStatus, type ServedPolicy } from "@/lib/mta-sts/removal";
import type { StsMode } from "@/lib/mta-sts/policy-types";
import { failure, type Failure } from "@/lib/core/failure";
import type { MessageRef } from "@/lib/i18n/message-ref";

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
  return actionRefusalFailure(action, currentMode)?.message ?? null;
}

/** actionRefusal as a conflict with its "apiErrors" message (issue 16 §6). */
export function actionRefusalFailure(
  action: ModeAction,
  currentMode: string | null,
): Failure | null {
  if (currentMode === null)
    return failure("conflict", "Publish a policy in testing mode first (2·Policy).", {
      key: "noTestingPolicy",
    });
  if (action === "enforce" && currentMode !== "testing")
    return failure(
      "conflict",
      `Enforce follows testing (STS-OPS-8); the policy is in ${currentMode} mode.`,
      { key: "enforceFollowsTesting", params: { mode: currentMode } },
    );
  if (action === "rollback" && currentMode === "testing")
    return failure("conflict", "The policy is already in testing mode.", {
      key: "alreadyTesting",
    });
  if (action === "removal" && currentMode === "none")
    return failure("conflict", "mode: none is already being served.", { key: "alreadyNone" });
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
  /** title and detail as messages of the "readinessReasons" namespace (issue 16 §6). */
  titleRef: MessageRef;
  detailRef: MessageRef;
}

const minute = (d: Date | undefined): string => d?.toISOString().slice(0, 16) ?? "";

/** STS-OPS-9: serve mode none, wait the longest max_age ever served, then remove the records. */
export function removalStages(newestFirst: readonly VersionLike[], now: Date): RemovalStage[] {
  const current = newestFirst[0];
  // Issue 16: a domain that never served a policy has nothing to remove, nothing "safe from".
  if (current === undefined) return [];
  const status = removalStatus(servedHistory(newestFirst, now), now);
  const longest = Math.max(0, ...newestFirst.filter((v) => v.mode !== "none").map((v) => v.maxAge));
  const servingNone = current?.mode === "none";
  const safeAfter = status.kind === "publish-none-first" ? null : status.safeAfter;
  const since = minute(current?.createdAt);
  const until = status.kind === "wait" ? minute(status.safeAfter) : "";
  return [
    {
      title: "1. Serve mode: none with a new id",
      titleRef: { key: "removal.serveNone" },
      safeFrom: now.toISOString(),
      done: servingNone,
      ...(servingNone
        ? {
            detail: `Served since ${since}Z (policy ${current?.policyId}). Publish its id in the _mta-sts TXT record.`,
            detailRef: { key: "removal.servedSince", params: { since, id: current.policyId } },
          }
        : {
            detail:
              "Publishing mode: none (max_age 86400) tells senders to drop the policy at their next refresh.",
            detailRef: { key: "removal.publishNone" },
          }),
    },
    {
      title: `2. Keep it for the longest max_age ever served (${longest} s)`,
      titleRef: { key: "removal.keep", params: { seconds: String(longest) } },
      safeFrom: safeAfter ? safeAfter.toISOString() : null,
      done: status.kind === "safe",
      ...(status.kind === "wait"
        ? {
            detail: `Senders may still hold a testing/enforce policy until ${until}Z.`,
            detailRef: { key: "removal.wait", params: { until } },
          }
        : status.kind === "safe"
          ? {
              detail: "No sender can still hold a testing/enforce policy.",
              detailRef: { key: "removal.safe" },
            }
          : { detail: "Starts once mode: none is served.", detailRef: { key: "removal.pending" } }),
    },
    {
      title: "3. Remove the _mta-sts TXT record, then the policy host",
      titleRef: { key: "removal.removeRecords" },
      safeFrom: safeAfter ? safeAfter.toISOString() : null,
      done: false,
      detail:
        "Deleting the TXT record earlier does not cancel cached policies (STS-OPS-4); keep the MX hosts working until then.",
      detailRef: { key: "removal.removeRecordsDetail" },
    },
  ];
}
