import type { Db } from "../client";

export interface AuditInput {
  userId: string | null;
  actor: string;
  action: string;
  domainId?: string | null;
  details?: Record<string, unknown>;
}

export interface AuditEntry {
  id: number;
  at: Date;
  actor: string;
  action: string;
  domainId: string | null;
  details: Record<string, unknown>;
}

type Tx = Pick<Db, "auditEvent">;

export async function recordAudit(db: Tx, e: AuditInput): Promise<void> {
  await db.auditEvent.create({
    data: {
      userId: e.userId,
      actor: e.actor,
      action: e.action,
      domainId: e.domainId ?? null,
      details: JSON.stringify(e.details ?? {}),
    },
  });
}

export async function listAudit(
  db: Db,
  opts: { domainId?: string; limit?: number } = {},
): Promise<AuditEntry[]> {
  const rows = await db.auditEvent.findMany({
    where: opts.domainId ? { domainId: opts.domainId } : {},
    orderBy: { id: "desc" },
    take: opts.limit ?? 100,
  });
  return rows.map((r) => ({
    id: r.id,
    at: r.at,
    actor: r.actor,
    action: r.action,
    domainId: r.domainId,
    details: JSON.parse(r.details) as Record<string, unknown>,
  }));
}
