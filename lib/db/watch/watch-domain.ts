import { getDb, type Db } from "../client";
import { raiseAlert } from "../alerts/raise-alert";
import { watchThresholds } from "@/lib/config/watch";
import { backgroundTurn } from "@/lib/core/background-turn";
import { logger } from "@/lib/log";
import { detectAll } from "@/lib/watch/detect";
import type { WatchThresholds } from "@/lib/watch/types";
import { loadWatchInput } from "./load-watch-input";
import { storeFindings, type StoreOutcome } from "./store-findings";

// Issue 14 deliverable 2: after each scheduled full check of a domain (the jobs helper's
// re-check job calls watchDomain once the run is stored), compare the run with the ones before,
// the current policy version and the report rollups; record findings for the timeline and
// raise an alert for each newly opened one. A problem still present raises nothing; one that
// was resolved and comes back opens a new finding and alerts again.

export type RaiseAlert = typeof raiseAlert;

export interface WatchOptions {
  now?: Date;
  /** The alert sink (tests record the calls); default raiseAlert. */
  raise?: RaiseAlert;
  thresholds?: WatchThresholds;
}

export async function watchDomainIn(
  db: Db,
  domainId: string,
  opts: WatchOptions = {},
): Promise<StoreOutcome> {
  const now = opts.now ?? new Date();
  const domain = await db.domain.findUnique({
    where: { id: domainId },
    select: { id: true, name: true },
  });
  if (!domain) return { opened: [], resolved: 0, present: 0 };
  const { input, latestRunId, newestRunId } = await loadWatchInput(
    db,
    domain,
    now,
    opts.thresholds ?? watchThresholds(),
  );
  const detections = detectAll(input);
  // Loading and storing are runs of statements that never yield on SQLite: let page
  // requests in between (the re-check watches every domain in turn).
  await backgroundTurn();
  const outcome = await storeFindings(db, domain.id, detections, now, latestRunId);
  const raise = opts.raise ?? raiseAlert;
  for (const f of outcome.opened) {
    try {
      await raise({
        domainId: domain.id,
        kind: f.kind,
        subject: f.subject,
        title: f.title,
        detail: f.detail,
        fix: f.fix,
        ...(f.i18n ? { i18n: f.i18n } : {}),
        now,
      });
    } catch (e) {
      // The finding stays on the timeline; the alert's own retry is the alerts module's job.
      logger.error({ err: e, domain: domain.name, kind: f.kind }, "raising an alert failed");
    }
  }
  // Last, so an instance that dies before it leaves the run unwatched, and the re-check that
  // takes the job over watches it (recheckAll); findings already stored are not raised twice.
  if (newestRunId)
    await db.checkRun.update({ where: { id: newestRunId }, data: { watchedAt: now } });
  return outcome;
}

/** The contract's entry point: `findings` = problems found in this pass. */
export async function watchDomain(
  domainId: string,
  opts?: { now?: Date },
): Promise<{ findings: number }> {
  const outcome = await watchDomainIn(await getDb(), domainId, { now: opts?.now });
  return { findings: outcome.present };
}
