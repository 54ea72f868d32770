import type { Db } from "../client";
import type { Actor } from "../domains/domains";
import {
  savePolicyVersion,
  currentPolicyVersion,
  type PolicyVersionRecord,
} from "../policies/policies";
import { err, type Result } from "@/lib/core/diagnostic";
import { failure, type Failure } from "@/lib/core/failure";
import { MAX_AGE_LIMIT } from "@/lib/mta-sts/policy-types";
import { actionRefusalFailure, TARGET_MODE, type ModeAction } from "@/lib/readiness/mode-change";
import { getReadiness } from "./get-readiness";

export interface ModeChange {
  action: ModeAction;
  maxAge: number;
  /** Enforce although a READY criterion is not met (the admin confirmed the risk). */
  override?: boolean;
}

/**
 * A new policy version with the target mode and the same mx patterns, served by the hosted
 * endpoint as soon as it is stored; audited by savePolicyVersion (policy.<reason>).
 */
export async function changeMode(
  db: Db,
  domainId: string,
  change: ModeChange,
  actor: Actor,
): Promise<Result<PolicyVersionRecord, Failure>> {
  // Every refusal is a conflict (409) with its "apiErrors" message (issue 16 §6).
  const current = await currentPolicyVersion(db, domainId);
  const refusal = actionRefusalFailure(change.action, current?.mode ?? null);
  if (refusal !== null) return err(refusal);
  // Not reached today (actionRefusalFailure refuses every action without a policy first).
  if (!current) return err(failure("conflict", "No policy yet.", { key: "noPolicyYet" }));
  if (!Number.isInteger(change.maxAge) || change.maxAge < 1 || change.maxAge > MAX_AGE_LIMIT)
    return err(
      failure("conflict", `max_age must be a whole number of seconds from 1 to ${MAX_AGE_LIMIT}.`, {
        key: "maxAgeRange",
        params: { limit: String(MAX_AGE_LIMIT) },
      }),
    );
  if (change.action === "enforce" && !change.override) {
    const readiness = await getReadiness(db, domainId);
    const open = readiness.criteria.filter((c) => c.status !== "met").map((c) => c.id);
    if (open.length > 0)
      return err(
        failure(
          "conflict",
          `Not every READY criterion is met (${open.join(", ")}): confirm the risk to switch anyway.`,
          { key: "notReady", params: { ids: open.join(", ") } },
        ),
      );
  }
  const created = await savePolicyVersion(
    db,
    domainId,
    { mode: TARGET_MODE[change.action], maxAge: change.maxAge, mx: current.mx },
    change.action,
    actor,
  );
  return created.ok ? created : err({ ...created.error, kind: "conflict" });
}
