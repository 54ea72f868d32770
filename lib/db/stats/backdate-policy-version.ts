import type { Db } from "../client";

/**
 * Demo data only: move a policy version's creation time into the past, so a generated
 * history ("published 61 days ago") looks like one that really happened.
 */
export async function backdatePolicyVersion(db: Db, seq: number, createdAt: Date): Promise<void> {
  await db.policyVersion.update({ where: { seq }, data: { createdAt } });
}
