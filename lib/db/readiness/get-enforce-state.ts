import type { Db } from "../client";
import { listPolicyVersions } from "../policies/policies";
import { logger } from "@/lib/log";
import { proposeMaxAge } from "@/lib/mta-sts/propose";
import { removalStages } from "@/lib/readiness/mode-change";
import type { EnforceState } from "@/lib/readiness/enforce-state";
import { getReadiness } from "./get-readiness";
import { readVerdictRow, reconcileVerdict } from "./verdict";
import { latestVerdictChange, recordVerdict } from "./record-verdict";

/**
 * What the Enforce tab shows: served policy, readiness, proposed max_age, removal timeline.
 * Readiness is evaluated here in full; a stale or differing stored verdict is replaced with
 * it, so the domain list shows what this page shows (issue 13).
 */
export async function getEnforceState(
  db: Db,
  domain: { id: string; name: string },
  now: Date = new Date(),
): Promise<EnforceState> {
  // Read before evaluating: a write landing meanwhile keeps the stored verdict stale.
  const before = await readVerdictRow(db, domain.id);
  const [versions, readiness] = await Promise.all([
    listPolicyVersions(db, domain.id),
    getReadiness(db, domain.id, now),
  ]);
  await reconcileVerdict(db, domain.id, before, readiness, now).catch((e: unknown) =>
    logger.error({ err: e, domainId: domain.id }, "could not store the readiness verdict"),
  );
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
    enforceMaxAge: { maxAge: proposal.maxAge, reason: proposal.reason, ref: proposal.ref },
    testingMaxAge: proposeMaxAge("testing", null, now).maxAge,
    removal: removalStages(versions, now),
  };
}
