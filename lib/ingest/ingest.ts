// The one ingestion path every channel uses (HTTPS, IMAP, upload, CLI): bytes → readAny in
// a worker thread (lib/pool, off the event loop, with a deadline) → the report store
// (lib/db/reports/store-reports.ts: an input's reports share one transaction). Expected
// failures come back as values with the HTTP status the endpoint answers (RPT-DELIV-10).
import type { Db } from "@/lib/db/client";
import { rawBytesOf } from "@/lib/db/reports/raw-input";
import { recordRejection } from "@/lib/db/reports/rejected";
import type { IngestChannel } from "@/lib/db/reports/report-rows";
import { verdictInputsChanged } from "@/lib/db/readiness/verdict-queue";
import { storeReports } from "@/lib/db/reports/store-reports";
import { computeContentHash } from "@/lib/tlsrpt/content-hash";
import type { DkimVerdict } from "@/lib/tlsrpt/dkim";
import { reportAuth } from "@/lib/tlsrpt/report-auth";
import type { PoolError, PoolRead } from "@/lib/pool/pool";
import { workerPool } from "@/lib/pool/shared";
import type { ReportError, ReportErrorCode } from "@/lib/tlsrpt/types";
import type { NestedMessageRef } from "@/lib/i18n/message-ref";
import { quoting, readerReason, reasonText, type ReasonText } from "./rejection-text";

export type { IngestChannel };

export interface IngestMeta {
  channel: IngestChannel;
  /** Source IP, file name or message id: shown with rejections. */
  source: string;
  contentType?: string;
  filename?: string;
  /** RPT-DELIV-7: the message's DKIM verdict (mail only); absent = unauthenticated. */
  dkim?: DkimVerdict;
}

export type IngestStatus = "stored" | "duplicate" | "conflict" | "rejected" | "no-report";

export interface IngestOutcome {
  status: IngestStatus;
  /** Reports stored (including conflicting copies). */
  stored: number;
  duplicates: number;
  /** One line a person can act on; set for rejected, no-report and partial outcomes. */
  reason?: string;
  /** `reason` as a message for the upload page (rejection-text.ts; none for the worker
   * pool's own refusals). The HTTPS endpoint answers the English (ARCHITECTURE.md). */
  reasonRef?: NestedMessageRef;
  httpStatus: number;
  /** Policy domains named in the input that this installation does not manage. */
  unknownDomains: string[];
}

/** Raw bytes kept for audit up to this size; larger inputs keep only their size. */
export { RAW_CAP } from "@/lib/db/reports/raw-input";

const STATUS_FOR: Partial<Record<ReportErrorCode | PoolError["code"], number>> = {
  "too-large": 413,
  "decompression-bomb": 413,
  "unsupported-format": 415,
  // Past the read deadline: a large report read under load may be fine later, so not
  // "too large" but busy; over HTTPS it goes with Retry-After and reporters retry
  // (RPT-DELIV-3). Still recorded as a refusal.
  "too-slow": 503,
  "reader-failed": 500,
};

export type ReadInput = PoolRead;

export async function ingestBytes(
  db: Db,
  bytes: Uint8Array,
  meta: IngestMeta,
): Promise<IngestOutcome> {
  return storeRead(db, bytes, meta, await readInput(bytes, meta));
}

/** The first half of ingestBytes: the bytes read into reports (no database). */
export const readInput = (bytes: Uint8Array, meta: IngestMeta): Promise<ReadInput> =>
  workerPool().read(bytes, hintsOf(meta));

/** readInput for several inputs in one worker task (bulk.ts); outcomes in input order. */
export const readInputs = (
  inputs: { bytes: Uint8Array; meta: IngestMeta }[],
): Promise<ReadInput[]> =>
  workerPool().readMany(inputs.map(({ bytes, meta }) => ({ bytes, hints: hintsOf(meta) })));

const hintsOf = (meta: IngestMeta) => ({ contentType: meta.contentType, filename: meta.filename });

/**
 * The second half of ingestBytes. Its reports reach the store's queue before this returns
 * its promise, so callers that start storeRead in order store in that order (bulk.ts).
 */
export async function storeRead(
  db: Db,
  bytes: Uint8Array,
  meta: IngestMeta,
  read: ReadInput,
): Promise<IngestOutcome> {
  if (!read.ok) return refuse(db, bytes, meta, read.error);
  // Hashed once per input: its reports share one stored copy (raw-input.ts).
  const raw = rawBytesOf(bytes);
  // All of the input's reports in one call: they share a transaction (store-reports.ts).
  const reports = read.value.reports;
  const results = await storeReports(
    db,
    reports.map((report) => ({
      report,
      contentHash: computeContentHash(report),
      channel: meta.channel,
      raw,
      rawSize: bytes.length,
      auth: meta.dkim ? reportAuth(meta.dkim, report) : undefined,
    })),
  );
  let stored = 0;
  let duplicates = 0;
  let conflicts = 0;
  let unmanaged = 0;
  const unknown = new Set<string>();
  const touched = new Set<string>();
  for (const [i, result] of results.entries()) {
    const report = reports[i]!;
    for (const d of result.unknownDomains) unknown.add(d);
    if (result.kind === "stored") {
      stored++;
      for (const p of report.policies) if (p.policyDomain !== null) touched.add(p.policyDomain);
      if (result.conflict) conflicts++;
    } else if (result.kind === "duplicate") duplicates++;
    else unmanaged++;
  }
  // Issue 13: every channel stores through here, so this is the one "report stored"
  // trigger for the readiness verdicts; it only queues the names and never fails the ingest.
  if (touched.size > 0) verdictInputsChanged(db, { names: [...touched] });
  for (const a of read.value.rejected) {
    await recordRejection(db, {
      channel: meta.channel,
      source: a.filename ? `${meta.source} (${a.filename})` : meta.source,
      reason: a.error.message,
      size: bytes.length,
      ref: readerReason(a.error),
    });
  }
  const unknownDomains = [...unknown].sort();
  const base = { stored, duplicates, unknownDomains };
  const firstRefused = read.value.rejected[0]?.error;
  const partial = firstRefused
    ? quoting("attachmentsRefused", readerText(firstRefused), {
        count: read.value.rejected.length,
      })
    : undefined;
  if (stored > 0) {
    const why = conflicts > 0 ? reasonText("conflictKept") : partial;
    return {
      ...base,
      status: conflicts > 0 ? "conflict" : "stored",
      httpStatus: 201,
      ...said(why),
    };
  }
  if (duplicates > 0) {
    return {
      ...base,
      status: "duplicate",
      httpStatus: 200,
      ...said(reasonText("alreadyReceived")),
    };
  }
  if (unmanaged > 0) {
    const why =
      unknownDomains.length > 0
        ? reasonText("noManagedDomain", { domains: unknownDomains.join(", ") })
        : reasonText("noDomainNamed");
    return { ...base, status: "no-report", httpStatus: 202, ...said(why) };
  }
  if (partial) return { ...base, status: "rejected", httpStatus: 400, ...said(partial) };
  return { ...base, status: "no-report", httpStatus: 400, ...said(reasonText("noReportFound")) };
}

/** An outcome's reason and its ref. */
const said = (why: ReasonText | undefined): Pick<IngestOutcome, "reason" | "reasonRef"> =>
  why ? { reason: why.text, reasonRef: why.ref } : {};

/** A refusal of the reader as a reason another one quotes. */
const readerText = (e: ReportError | PoolError): ReasonText | string => {
  const ref = "ref" in e ? readerReason(e) : undefined;
  return ref ? { text: e.message, ref } : e.message;
};

async function refuse(
  db: Db,
  bytes: Uint8Array,
  meta: IngestMeta,
  error: ReportError | PoolError,
): Promise<IngestOutcome> {
  const empty = { stored: 0, duplicates: 0, unknownDomains: [] };
  // An email with no report in it is ordinary mail: left alone, not a rejection.
  const ref = "ref" in error ? readerReason(error) : undefined;
  if (error.code === "no-report") {
    return {
      ...empty,
      status: "no-report",
      httpStatus: 400,
      reason: error.message,
      reasonRef: ref,
    };
  }
  await recordRejection(db, {
    channel: meta.channel,
    source: meta.source,
    reason: error.message,
    size: bytes.length,
    // The reader's refusals name their message; the pool's own (too slow, a crashed
    // worker) have none yet and show in English.
    ref,
  });
  return {
    ...empty,
    status: "rejected",
    httpStatus: STATUS_FOR[error.code] ?? 400,
    reason: error.message,
    ...(ref ? { reasonRef: ref } : {}),
  };
}
