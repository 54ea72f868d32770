import type { Db } from "../client";
import { isUniqueViolation } from "../errors";
import type { Detection, Finding } from "@/lib/watch/types";

// Findings as rows (issue 14): a problem found again updates its open row; a new one opens a
// row (and is returned, to raise its alert); an open row whose problem is gone, and that the
// detector could judge, is resolved. openKey is unique while open, so when two processes
// watch the same domain at once only one opens the row and raises the alert.

export interface StoredFinding extends Finding {
  id: string;
}

export interface StoreOutcome {
  opened: StoredFinding[];
  resolved: number;
  /** Problems found in this pass (open after it). */
  present: number;
}

const CHECK_BASED = new Set(["CHK-OPS-1", "CHK-OPS-2", "CHK-OPS-3", "CHK-OPS-4", "WATCH-CERT"]);

export const openKeyOf = (domainId: string, kind: string, subject: string) =>
  `${domainId}|${kind}|${subject}`;

export async function storeFindings(
  db: Db,
  domainId: string,
  detections: readonly Detection[],
  now: Date,
  latestRunId: string | null,
): Promise<StoreOutcome> {
  const out: StoreOutcome = { opened: [], resolved: 0, present: 0 };
  const evaluated = detections.filter((d) => d.evaluated);
  if (evaluated.length === 0) return out;
  // The domain's open findings of every evaluated kind in one statement, not one per kind:
  // the re-check watches every domain in turn (bench:watch).
  const openRows = await db.watchFinding.findMany({
    where: { domainId, kind: { in: evaluated.map((d) => d.kind) }, resolvedAt: null },
    select: { id: true, kind: true, subject: true },
  });
  for (const d of evaluated) {
    const checkRunId = CHECK_BASED.has(d.kind) ? latestRunId : null;
    const open = openRows.filter((o) => o.kind === d.kind);
    const openBySubject = new Map(open.map((o) => [o.subject, o.id]));
    for (const f of d.findings) {
      out.present += 1;
      const text = {
        severity: f.severity,
        title: f.title,
        detail: f.detail,
        fix: f.fix,
        // issue 16 §6: the refs the check page, alerts and timeline translate (null: English)
        i18n: f.i18n ? JSON.stringify(f.i18n) : null,
      };
      const id = openBySubject.get(f.subject);
      if (id) {
        await db.watchFinding.update({
          where: { id },
          data: { ...text, lastSeenAt: now, checkRunId },
        });
        continue;
      }
      try {
        const row = await db.watchFinding.create({
          data: {
            domainId,
            kind: f.kind,
            subject: f.subject,
            ...text,
            openedAt: now,
            lastSeenAt: now,
            checkRunId,
            openKey: openKeyOf(domainId, f.kind, f.subject),
          },
          select: { id: true },
        });
        out.opened.push({ ...f, id: row.id });
      } catch (e) {
        // Another process opened it a moment ago: its alert is raised there.
        if (!isUniqueViolation(e)) throw e;
      }
    }
    const present = new Set([...d.findings.map((f) => f.subject), ...d.keep]);
    const gone = open.filter((o) => !present.has(o.subject)).map((o) => o.id);
    if (gone.length > 0) {
      const r = await db.watchFinding.updateMany({
        where: { id: { in: gone }, resolvedAt: null },
        data: { resolvedAt: now, openKey: null },
      });
      out.resolved += r.count;
    }
  }
  return out;
}
