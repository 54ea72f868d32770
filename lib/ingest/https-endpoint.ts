// POST /api/reports/tlsrpt (RFC 8460 §5.3, RPT-DELIV-9/10/11): public, no session. The route
// wraps this in publicEndpoint (lib/http), which has already told the client address and
// applied the rate limits and the in-flight cap by the time this runs.
import type { Db } from "@/lib/db/client";
import { recordRejection } from "@/lib/db/reports/rejected";
import { MAX_COMPRESSED } from "@/lib/tlsrpt/read-report";
import { logger } from "@/lib/log";
import { ingestBytes, type IngestOutcome } from "./ingest";
import { readCapped, tooSlowReason, tooSlowRef } from "./read-capped";

export interface EndpointDeps {
  db: () => Promise<Db>;
  /** The client address (lib/http/client-address.ts), recorded with refusals. */
  source: string;
  /** Body cap in bytes (RPT-ING-1: 10 MiB compressed). */
  maxBytes?: number;
  /** How long the whole body may take to arrive (read-capped.ts; shortened in tests). */
  bodyDeadlineMs?: number;
}

/** Retry-After (seconds) with a 503: the reader was busy past its deadline (ingest.ts). */
export const SLOW_READ_RETRY_AFTER = 60;

// A refusal whose body was not read in full closes the connection (413, 408): otherwise
// Node would read and discard the rest of a 10 MiB body on the event loop to keep the
// connection alive for the next request.
const text = (status: number, line: string) =>
  new Response(`${line}\n`, {
    status,
    headers: {
      "content-type": "text/plain; charset=utf-8",
      ...(status === 503 ? { "retry-after": String(SLOW_READ_RETRY_AFTER) } : {}),
      ...(status === 413 || status === 408 ? { connection: "close" } : {}),
    },
  });

const mib = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MiB`;

// The reply lines stay English on purpose: they answer reporting MTAs, not a person; the
// admin reads the same refusal translated on the rejected-submissions page (ARCHITECTURE.md
// "Languages").
function answer(o: IngestOutcome): Response {
  const line =
    o.status === "stored"
      ? `stored: ${o.stored} report${o.stored === 1 ? "" : "s"}`
      : o.status === "duplicate"
        ? "duplicate: already received"
        : `${o.status}: ${o.reason ?? ""}`;
  return text(o.httpStatus, line.replace(/[\r\n]+/g, " "));
}

export async function handleTlsrptPost(req: Request, deps: EndpointDeps): Promise<Response> {
  const { source } = deps;
  const max = deps.maxBytes ?? MAX_COMPRESSED;
  const db = await deps.db();
  const refuse = async (size: number) => {
    const reason = `the report is over the ${mib(max)} limit`;
    const ref = { key: "overLimit", params: { limit: mib(max) } };
    await recordRejection(db, { channel: "https", source, reason, size, ref });
    return text(413, `rejected: ${reason}`);
  };
  const declared = Number(req.headers.get("content-length") ?? "NaN");
  if (Number.isFinite(declared) && declared > max) return refuse(declared);
  const body = await readCapped(req, max, deps.bodyDeadlineMs);
  if (!body.ok && body.problem === "too-large") return refuse(body.size);
  if (!body.ok) {
    const reason = tooSlowReason(body.seconds);
    const ref = tooSlowRef(body.seconds);
    await recordRejection(db, { channel: "https", source, reason, size: body.size, ref });
    return text(408, `rejected: ${reason}`);
  }
  if (body.bytes.length === 0) return text(400, "rejected: the request body is empty");
  const outcome = await ingestBytes(db, body.bytes, {
    channel: "https",
    source,
    contentType: req.headers.get("content-type") ?? undefined,
  });
  logger.debug(
    { source, status: outcome.status, stored: outcome.stored, size: body.bytes.length },
    "tlsrpt https submission",
  );
  return answer(outcome);
}
