import type { Db } from "../client";
import { recordAudit } from "../audit/audit";
import type { Readiness } from "@/lib/readiness/types";
import {
  shownVerdict,
  verdictChange,
  type ShownVerdict,
  type VerdictChange,
} from "@/lib/readiness/verdict-change";

// Issue 15 item 2: the verdict last shown per domain is kept; when a new evaluation
// differs (e.g. a late report re-opened a day), the audit log gets the explanation.

export const VERDICT_ACTION = "readiness.changed";
const key = (domainId: string) => `readiness-verdict:${domainId}`;

function parse(value: string): ShownVerdict | null {
  try {
    const v = JSON.parse(value) as Partial<ShownVerdict>;
    return typeof v.at === "string" && typeof v.ready === "boolean" && v.statuses
      ? (v as ShownVerdict)
      : null;
  } catch {
    return null;
  }
}

/** Stores the verdict being shown; returns the change (also in the audit log) or null. */
export async function recordVerdict(
  db: Db,
  domainId: string,
  readiness: Readiness,
  now: Date = new Date(),
): Promise<VerdictChange | null> {
  const row = await db.setting.findUnique({ where: { key: key(domainId) } });
  const before = row ? parse(row.value) : null;
  const change = before ? verdictChange(before, readiness) : null;
  if (before && !change) return null;
  const value = JSON.stringify(shownVerdict(readiness, now));
  await db.$transaction(async (tx) => {
    await tx.setting.upsert({
      where: { key: key(domainId) },
      create: { key: key(domainId), value },
      update: { value },
    });
    if (change)
      await recordAudit(tx, {
        userId: null,
        actor: "system",
        action: VERDICT_ACTION,
        domainId,
        details: { ...change },
      });
  });
  return change;
}

/** The latest explained verdict change of the domain, for the Enforce page. */
export async function latestVerdictChange(
  db: Db,
  domainId: string,
): Promise<(VerdictChange & { at: string }) | null> {
  const row = await db.auditEvent.findFirst({
    where: { domainId, action: VERDICT_ACTION },
    orderBy: { id: "desc" },
  });
  if (!row) return null;
  try {
    const d = JSON.parse(row.details) as Partial<VerdictChange>;
    return {
      at: row.at.toISOString(),
      change: typeof d.change === "string" ? d.change : "",
      because: Array.isArray(d.because) ? d.because.filter((x) => typeof x === "string") : [],
    };
  } catch {
    return null;
  }
}
