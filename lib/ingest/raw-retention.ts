// Prunes raw inputs past STS_RAW_RETENTION_DAYS and refused submissions past
// STS_REJECTED_RETENTION_DAYS (issue 11, disk), in the server process:
// once at start and then every 24 hours (started from instrumentation.ts). A plain timer on
// purpose; one prune at a time.
import { settings } from "@/lib/config/settings";
import { getDb } from "@/lib/db/client";
import { pruneRawInputs } from "@/lib/db/reports/prune-raw-inputs";
import { pruneRejected } from "@/lib/db/reports/rejected";
import { logger } from "@/lib/log";

const EVERY_MS = 24 * 60 * 60 * 1000;
const state = globalThis as unknown as { __stsRawPruner?: NodeJS.Timeout };
let running = false;

export async function pruneRawInputsNow(now = new Date()): Promise<void> {
  if (running) return;
  running = true;
  try {
    const s = settings();
    const db = await getDb();
    const days = s.STS_RAW_RETENTION_DAYS;
    const out = await pruneRawInputs(db, days, now);
    if (out.expired > 0 || out.orphaned > 0) logger.info({ ...out, days }, "raw inputs pruned");
    const rejectedDays = s.STS_REJECTED_RETENTION_DAYS;
    const rejected = await pruneRejected(db, rejectedDays, now);
    if (rejected > 0) logger.info({ rejected, days: rejectedDays }, "rejected submissions pruned");
  } catch (e) {
    logger.error({ err: e }, "pruning raw inputs failed");
  } finally {
    running = false;
  }
}

export function startRawInputPruner(): void {
  if (state.__stsRawPruner) return;
  state.__stsRawPruner = setInterval(() => void pruneRawInputsNow(), EVERY_MS);
  state.__stsRawPruner.unref();
  void pruneRawInputsNow();
}
