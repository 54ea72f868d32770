import type { Db } from "../client";
import { listPolicyVersions } from "../policies/policies";
import { addDays, dayOf } from "@/lib/watch/dates";
import { removalEntry } from "@/lib/timeline/removal";
import { silenceEntries } from "@/lib/timeline/silence";
import { pageOf, type TimelineEntry, type TimelinePage } from "@/lib/timeline/types";
import { checkEntry, findingEntries, auditEntry } from "./timeline-entries";

// A domain's timeline (issue 14): a read model over the tables that already hold each kind of
// event, merged newest first and paged by a cursor ("<at>|<key>"). Each source is read up to
// the cursor and at most one page deep, so a page costs a few indexed queries.

/** Audit actions shown: alerts (the alerts module's), mode and policy changes. */
export const TIMELINE_ACTIONS = [
  "alert.raised",
  "policy.create",
  "policy.edit",
  "policy.enforce",
  "policy.rollback",
  "policy.removal",
];
/** How far back "days without reports" looks. */
const SILENCE_DAYS = 365;

export async function getTimeline(
  db: Db,
  domainId: string,
  opts: { before?: { at: string; key: string } | null; limit?: number; now?: Date } = {},
): Promise<TimelinePage> {
  const limit = opts.limit ?? 50;
  const now = opts.now ?? new Date();
  const cursor = opts.before ?? null;
  const upTo = cursor ? new Date(cursor.at) : now;
  const take = limit + 1;
  const [runs, opened, resolved, audits, days, versions] = await Promise.all([
    db.checkRun.findMany({
      where: { domainId, startedAt: { lte: upTo } },
      orderBy: [{ startedAt: "desc" }, { id: "desc" }],
      take,
      select: { id: true, startedAt: true, status: true, summary: true, actor: true },
    }),
    db.watchFinding.findMany({
      where: { domainId, openedAt: { lte: upTo } },
      orderBy: { openedAt: "desc" },
      take,
    }),
    db.watchFinding.findMany({
      where: { domainId, resolvedAt: { lte: upTo } },
      orderBy: { resolvedAt: "desc" },
      take,
    }),
    db.auditEvent.findMany({
      where: { domainId, action: { in: TIMELINE_ACTIONS }, at: { lte: upTo } },
      orderBy: [{ at: "desc" }, { id: "desc" }],
      take,
    }),
    db.dailyRollup.findMany({
      where: { domainId, mxHost: "*", day: { gte: addDays(dayOf(now), -SILENCE_DAYS) } },
      distinct: ["day"],
      select: { day: true },
    }),
    listPolicyVersions(db, domainId),
  ]);
  const entries: TimelineEntry[] = [
    ...runs.map(checkEntry),
    ...findingEntries(opened, "opened"),
    ...findingEntries(resolved, "resolved"),
    ...audits.map(auditEntry),
    ...silenceEntries(
      days.map((d) => d.day),
      now,
    ).filter((e) => e.at <= upTo.toISOString()),
  ];
  const removal = removalEntry(versions, now);
  if (removal) entries.push(removal);
  return pageOf(entries, cursor, limit);
}
