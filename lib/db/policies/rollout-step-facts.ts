import type { Db } from "../client";
import { recordAudit } from "../audit/audit";
import type { Actor } from "../domains/domains";
import { err, ok, type Result } from "@/lib/core/diagnostic";
import type { Failure } from "@/lib/core/failure";
import { apiFailure } from "@/lib/i18n/api-failure";
import type { CheckRunFacts, RolloutFacts } from "@/lib/rollout/step-state";
import { currentPolicyVersion } from "./policies";
import { loadVerification } from "./verifications";

// Everything the step-state logic needs for one domain, in one place.

export type Hosting = "hosted" | "self";

/** Step 1 from the newest CheckRun row (its summary holds counts per severity). */
export async function latestCheckFacts(db: Db, domainId: string): Promise<CheckRunFacts | null> {
  const row = await db.checkRun.findFirst({
    where: { domainId },
    orderBy: { startedAt: "desc" },
    select: { status: true, summary: true, finishedAt: true },
  });
  if (!row) return null;
  let errors = 0;
  try {
    errors = Number((JSON.parse(row.summary) as { error?: unknown }).error ?? 0) || 0;
  } catch {
    errors = 0;
  }
  const status = row.status === "done" || row.status === "failed" ? row.status : "running";
  return { status, errors, finishedAt: row.finishedAt };
}

export async function loadRolloutFacts(db: Db, domainId: string): Promise<RolloutFacts> {
  const [check, current, ids, publish, dns] = await Promise.all([
    latestCheckFacts(db, domainId),
    currentPolicyVersion(db, domainId),
    db.policyVersion.findMany({ where: { domainId }, select: { policyId: true } }),
    loadVerification(db, domainId, "publish"),
    loadVerification(db, domainId, "dns"),
  ]);
  return {
    check,
    policy: current ? { policyId: current.policyId, mode: current.mode, mx: current.mx } : null,
    policyIds: ids.map((r) => r.policyId),
    publish,
    dns,
  };
}

export async function getHosting(db: Db, domainId: string): Promise<Hosting> {
  const row = await db.domain.findUnique({ where: { id: domainId }, select: { hosting: true } });
  return row?.hosting === "self" ? "self" : "hosted";
}

export async function setHosting(
  db: Db,
  domainId: string,
  hosting: Hosting,
  actor: Actor,
): Promise<Result<Hosting, Failure>> {
  return db.$transaction(async (tx) => {
    const row = await tx.domain.findUnique({ where: { id: domainId }, select: { hosting: true } });
    // Removed meanwhile: its "apiErrors" message, as the route answers it (issue 16 §6).
    if (!row) return err(apiFailure("not-found", "domainGone"));
    if (row.hosting === hosting) return ok(hosting);
    await tx.domain.update({ where: { id: domainId }, data: { hosting } });
    await recordAudit(tx, {
      userId: actor.userId,
      actor: actor.email,
      action: "policy.hosting",
      domainId,
      details: { from: row.hosting, to: hosting },
    });
    return ok(hosting);
  });
}
