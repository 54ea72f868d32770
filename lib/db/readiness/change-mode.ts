import type { Db } from "../client";
import type { Actor } from "../domains/domains";
import {
  createPolicyVersion,
  currentPolicyVersion,
  type PolicyVersionRecord,
} from "../policies/policies";
import { err, type Result } from "@/lib/core/diagnostic";
import { MAX_AGE_LIMIT } from "@/lib/mta-sts/policy-types";
import { actionRefusal, TARGET_MODE, type ModeAction } from "@/lib/readiness/mode-change";
import { getReadiness } from "./get-readiness";

export interface ModeChange {
  action: ModeAction;
  maxAge: number;
  /** Enforce although a READY criterion is not met (the admin confirmed the risk). */
  override?: boolean;
}

/**
 * A new policy version with the target mode and the same mx patterns, served by the hosted
 * endpoint as soon as it is stored; audited by createPolicyVersion (policy.<reason>).
 */
export async function changeMode(
  db: Db,
  domainId: string,
  change: ModeChange,
  actor: Actor,
): Promise<Result<PolicyVersionRecord>> {
  const current = await currentPolicyVersion(db, domainId);
  const refusal = actionRefusal(change.action, current?.mode ?? null);
  if (refusal !== null || !current) return err(refusal ?? "No policy yet.");
  if (!Number.isInteger(change.maxAge) || change.maxAge < 1 || change.maxAge > MAX_AGE_LIMIT)
    return err(`max_age must be a whole number of seconds from 1 to ${MAX_AGE_LIMIT}.`);
  if (change.action === "enforce" && !change.override) {
    const readiness = await getReadiness(db, domainId);
    const open = readiness.criteria.filter((c) => c.status !== "met").map((c) => c.id);
    if (open.length > 0)
      return err(
        `Not every READY criterion is met (${open.join(", ")}): confirm the risk to switch anyway.`,
      );
  }
  return createPolicyVersion(
    db,
    domainId,
    { mode: TARGET_MODE[change.action], maxAge: change.maxAge, mx: current.mx },
    change.action,
    actor,
  );
}
