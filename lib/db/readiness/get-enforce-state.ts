import type { Db } from "../client";
import { listPolicyVersions } from "../policies/policies";
import { proposeMaxAge } from "@/lib/mta-sts/propose";
import { removalStages } from "@/lib/readiness/mode-change";
import type { EnforceState } from "@/lib/readiness/enforce-state";
import { getReadiness } from "./get-readiness";
import { latestVerdictChange, recordVerdict } from "./record-verdict";

/** What the Enforce tab shows: served policy, readiness, proposed max_age, removal timeline. */
export async function getEnforceState(
  db: Db,
  domain: { id: string; name: string },
  now: Date = new Date(),
): Promise<EnforceState> {
  const [versions, readiness] = await Promise.all([
    listPolicyVersions(db, domain.id),
    getReadiness(db, domain.id, now),
  ]);
  // Issue 15 item 2: a verdict shown before changes only with an explanation (audit).
  await recordVerdict(db, domain.id, readiness, now);
  const verdictChange = await latestVerdictChange(db, domain.id);
  const current = versions[0] ?? null;
  const sameModeSince = (mode: string) => {
    let since = current?.createdAt ?? now;
    for (const v of versions) {
      if (v.mode !== mode) break;
      since = v.createdAt;
    }
    return since;
  };
  const proposal = proposeMaxAge(
    "enforce",
    current && (current.mode === "enforce" || current.mode === "testing" || current.mode === "none")
      ? { mode: current.mode, maxAge: current.maxAge, since: sameModeSince(current.mode) }
      : null,
    now,
  );
  return {
    domain: domain.name,
    policy: current && {
      policyId: current.policyId,
      mode: current.mode,
      maxAge: current.maxAge,
      mx: current.mx,
      createdAt: current.createdAt.toISOString(),
      reason: current.reason,
    },
    readiness,
    verdictChange,
    enforceMaxAge: { maxAge: proposal.maxAge, reason: proposal.reason },
    testingMaxAge: proposeMaxAge("testing", null, now).maxAge,
    removal: removalStages(versions, now),
  };
}
