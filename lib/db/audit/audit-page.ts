// The audit log page (issue 16): every event reachable, newest first, through keyset
// paging on the id (ids only grow, so an event recorded meanwhile shifts nothing), with
// filters on action, user and date.
import { dayRange, type Cursor } from "@/lib/lists/params";
import type { Db } from "../client";
import type { AuditEntry } from "./audit";

export interface AuditQuery {
  /** Exact action, e.g. "domain.add". */
  action?: string | null;
  /** Part of who did it, as recorded (case-insensitive on SQLite only, as LIKE is there). */
  user?: string;
  /** UTC days, inclusive. */
  from?: string | null;
  to?: string | null;
  after?: Cursor | null;
  take?: number;
}

export interface AuditPage {
  events: AuditEntry[];
  next: Cursor | null;
}

const details = (json: string): Record<string, unknown> => {
  try {
    const v: unknown = JSON.parse(json);
    return v !== null && typeof v === "object" ? (v as Record<string, unknown>) : {};
  } catch {
    return {};
  }
};

export async function pageAudit(db: Db, q: AuditQuery = {}): Promise<AuditPage> {
  const take = q.take ?? 50;
  const user = q.user?.trim();
  const rows = await db.auditEvent.findMany({
    where: {
      ...(q.action ? { action: q.action } : {}),
      ...(user ? { actor: { contains: user } } : {}),
      ...(q.from || q.to ? { at: dayRange(q.from ?? null, q.to ?? null) } : {}),
      ...(q.after ? { id: { lt: q.after.id } } : {}),
    },
    orderBy: { id: "desc" },
    take: take + 1,
  });
  const shown = rows.slice(0, take);
  const last = shown[shown.length - 1];
  return {
    events: shown.map((r) => ({
      id: r.id,
      at: r.at,
      actor: r.actor,
      action: r.action,
      domainId: r.domainId,
      details: details(r.details),
    })),
    next: rows.length > take && last ? { at: 0, id: last.id } : null,
  };
}

/** The actions the log holds, for the filter's choices. */
export async function auditActions(db: Db): Promise<string[]> {
  const rows = await db.auditEvent.findMany({
    distinct: ["action"],
    select: { action: true },
    orderBy: { action: "asc" },
  });
  return rows.map((r) => r.action);
}
