import type { Db } from "../client";
import { isUniqueViolation } from "../errors";
import { recordAudit } from "../audit/audit";
import { err, ok, type Result } from "@/lib/core/diagnostic";
import { failure, type Failure } from "@/lib/core/failure";

export interface DomainRecord {
  id: string;
  /** A-label, the key. */
  name: string;
  /** U-label, for people. */
  displayName: string;
  createdAt: Date;
}

export interface Actor {
  userId: string;
  email: string;
}

export async function listDomains(db: Db): Promise<DomainRecord[]> {
  return db.domain.findMany({ orderBy: { name: "asc" } });
}

export async function findDomainByName(db: Db, name: string): Promise<DomainRecord | null> {
  return db.domain.findUnique({ where: { name: name.toLowerCase() } });
}

export async function findDomainById(db: Db, id: string): Promise<DomainRecord | null> {
  return db.domain.findUnique({ where: { id } });
}

export async function addDomain(
  db: Db,
  d: { name: string; displayName: string },
  actor: Actor,
): Promise<Result<DomainRecord>> {
  try {
    const created = await db.$transaction(async (tx) => {
      const row = await tx.domain.create({ data: d });
      await recordAudit(tx, {
        userId: actor.userId,
        actor: actor.email,
        action: "domain.add",
        domainId: row.id,
        details: { name: d.name },
      });
      return row;
    });
    return ok(created);
  } catch (e) {
    // Its only expected failure: the route names it as "apiErrors.domainExists".
    if (isUniqueViolation(e)) return err(`${d.displayName} is already on the list.`);
    throw e;
  }
}

export async function removeDomain(
  db: Db,
  id: string,
  actor: Actor,
): Promise<Result<DomainRecord, Failure>> {
  return db.$transaction(async (tx) => {
    const row = await tx.domain.findUnique({ where: { id } });
    if (!row)
      return err(
        failure("not-found", "That domain is no longer on the list.", { key: "domainGone" }),
      );
    await tx.domain.delete({ where: { id } });
    // Live-verification results are kept as settings keyed by the domain id.
    await tx.setting.deleteMany({ where: { key: { startsWith: `verify:${id}:` } } });
    await recordAudit(tx, {
      userId: actor.userId,
      actor: actor.email,
      action: "domain.remove",
      details: { name: row.name },
    });
    return ok(row);
  });
}
